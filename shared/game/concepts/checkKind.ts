/** The class's two sittings of the concept check: before round 1 and after the last. */
export const CheckKind = { Pre: 'pre', Post: 'post' } as const;
export type CheckKind = (typeof CheckKind)[keyof typeof CheckKind];
export const CHECK_KINDS: readonly CheckKind[] = Object.values(CheckKind);
