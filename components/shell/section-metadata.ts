import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import type { SectionId } from './sections';

/** A section page's <title>, in the reader's language: `export const generateMetadata = () => sectionMetadata('usage')`. */
export async function sectionMetadata(id: SectionId): Promise<Metadata> {
  const t = await getTranslations('shell.sections');
  return { title: t(`${id}.title`) };
}
