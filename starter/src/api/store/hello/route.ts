import { withValidation, z } from "kiosk";

/** GET /store/hello?name=Ada */
export const GET = withValidation(
  { query: z.strictObject({ name: z.string().min(1).max(100).default("friend") }) },
  (req, res) => {
    const greetingService = req.scope.resolve("greetingService");
    res.json({ message: greetingService.greet(req.validatedQuery.name) });
  },
);
