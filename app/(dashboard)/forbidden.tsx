import { getTranslations } from 'next-intl/server';

import { RefusedPage } from '@/components/shell/refused-page';
import { refusedPageReason } from '@/components/shell/page-refusal';

/** A page the signed-in role may not open (requirePagePermission): 403, inside the frame, with the table's reason. */
export default async function Forbidden() {
  const t = await getTranslations('shell.refused');
  return <RefusedPage status={403} title={t('forbiddenTitle')} reason={await refusedPageReason()} />;
}
