import type { Metadata } from 'next';

import { ComingSoon } from '@/components/shell/coming-soon';
import { dashboardSections } from '@/components/shell/sections';

const section = dashboardSections['api-keys'];

export const metadata: Metadata = { title: section.title };

export default function ApiKeysPage() {
  return <ComingSoon section={section} />;
}
