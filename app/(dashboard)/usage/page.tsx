import type { Metadata } from 'next';

import { ComingSoon } from '@/components/shell/coming-soon';
import { dashboardSections } from '@/components/shell/sections';

const section = dashboardSections['usage'];

export const metadata: Metadata = { title: section.title };

export default function UsagePage() {
  return <ComingSoon section={section} />;
}
