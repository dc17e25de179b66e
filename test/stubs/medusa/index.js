// Empty: @medusajs/medusa-js imports nothing from @medusajs/medusa at run time.
module.exports = {};
