import { priorityCategoryOf, priorityName, type PriorityCategory, type Snapshot } from '@qms/protocol';
import type { Lang } from '@qms/ui-kit';

/** The center's priority groups with their words, from the setup (live, through the snapshot). */
export const priorityGroups = (snapshot: Snapshot): PriorityCategory[] => snapshot.priorities ?? snapshot.priorityCategories.map(priorityCategoryOf);

/** "Người cao tuổi" for `elderly`; a group removed since the ticket was issued still shows its known words or its code. */
export function priorityLabel(groups: PriorityCategory[], code: string, lang: Lang): string {
  return priorityName(groups.find((g) => g.code === code) ?? priorityCategoryOf(code), lang);
}
