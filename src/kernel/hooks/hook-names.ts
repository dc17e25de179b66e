/**
 * The hooks the core modules run, inside their transactions (their arguments are
 * typed in `src/hooks.ts`). A `hooks/*` file naming another is refused at boot.
 */
export const HOOK_NAMES = ["cart.beforeComplete", "order.afterCreate"] as const;
