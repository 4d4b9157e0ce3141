import type { Metadata } from 'next';

import { ComingSoon } from '@/components/shell/coming-soon';
import { dashboardSections } from '@/components/shell/sections';

const section = dashboardSections['audit'];

export const metadata: Metadata = { title: section.title };

export default function AuditPage() {
  return <ComingSoon section={section} />;
}
