import type { Metadata } from 'next';

import { ComingSoon } from '@/components/shell/coming-soon';
import { dashboardSections } from '@/components/shell/sections';

const section = dashboardSections['request-builder'];

export const metadata: Metadata = { title: section.title };

export default function RequestBuilderPage() {
  return <ComingSoon section={section} />;
}
