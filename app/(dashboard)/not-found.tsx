import { getTranslations } from 'next-intl/server';

import { RefusedPage } from '@/components/shell/refused-page';
import { missingPageMessage } from '@/components/shell/page-refusal';

/** A key, account or page of the dashboard that does not exist: 404, inside the frame, saying what is missing. */
export default async function DashboardNotFound() {
  const t = await getTranslations('shell.refused');
  return <RefusedPage status={404} title={t('notFoundTitle')} reason={await missingPageMessage()} />;
}
