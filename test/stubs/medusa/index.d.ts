// Empty: the types medusa-js takes from @medusajs/medusa resolve to `any` here (skipLibCheck).
export {};
