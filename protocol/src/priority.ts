import { z } from 'zod';

/**
 * A priority group a ticket may carry ("đối tượng ưu tiên"): a code the tickets keep, the words the kiosk and the desk
 * show (Vietnamese, English optional) and an optional icon from a small fixed set.
 */
export const priorityCodePattern = /^[a-z_]{2,32}$/;
export const priorityIcons = ['elderly', 'pregnant', 'disability', 'child', 'veteran', 'star'] as const;
export const PriorityIcon = z.enum(priorityIcons);
export type PriorityIcon = z.infer<typeof PriorityIcon>;

export const PriorityCategory = z.object({
  code: z.string().regex(priorityCodePattern, 'lowercase letters or _, 2 to 32'),
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().max(60).nullable(),
  icon: PriorityIcon.nullable(),
});
export type PriorityCategory = z.infer<typeof PriorityCategory>;

/** The words of the three groups the law names, for configs that list bare codes. */
export const knownPriorityCategories: Record<string, PriorityCategory> = {
  elderly: { code: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly person', icon: 'elderly' },
  pregnant: { code: 'pregnant', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman', icon: 'pregnant' },
  disability: { code: 'disability', name: 'Người khuyết tật', nameEn: 'Person with a disability', icon: 'disability' },
};

/** A group as written in a config or an older setup: a bare code (`"elderly"`) or a full entry. */
export const PriorityCategoryInput = z.union([
  z.string().regex(priorityCodePattern, 'lowercase letters or _, 2 to 32'),
  z.object({
    code: PriorityCategory.shape.code,
    name: PriorityCategory.shape.name,
    nameEn: z.string().trim().max(60).nullish(),
    icon: PriorityIcon.nullish(),
  }),
]);
export type PriorityCategoryInput = z.infer<typeof PriorityCategoryInput>;

/** A bare code gets its known words (or the code itself); a blank English name means none. */
export function priorityCategoryOf(p: PriorityCategoryInput): PriorityCategory {
  if (typeof p === 'string') return knownPriorityCategories[p] ?? { code: p, name: p, nameEn: null, icon: null };
  return { code: p.code, name: p.name, nameEn: p.nameEn?.trim() ? p.nameEn.trim() : null, icon: p.icon ?? null };
}

/** The group's words in the screen's language: English falls back to the Vietnamese name. */
export const priorityName = (p: PriorityCategory, lang: string) => (lang === 'en' && p.nameEn ? p.nameEn : p.name);
