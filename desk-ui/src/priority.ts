import type { MessageKey, Translate } from '@qms/ui-kit';

/** Priority groups with words on screen; a group configured beyond these shows its code. */
const knownGroups = new Set(['elderly', 'pregnant', 'disability']);

/** "Người cao tuổi" for `elderly`; a group the center added itself shows as configured. */
export function priorityLabel(t: Translate, group: string): string {
  return knownGroups.has(group) ? t(`desk.priority.${group}` as MessageKey) : group;
}
