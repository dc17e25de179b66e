import { withValidation, z } from "kiosk";
import type GreetingService from "../../../services/greeting";

/** GET /store/hello?name=Ada */
export const GET = withValidation(
  { query: z.strictObject({ name: z.string().min(1).max(100).default("friend") }) },
  (req, res) => {
    const greetingService = req.scope.resolve<GreetingService>("greetingService");
    res.json({ message: greetingService.greet(req.validatedQuery.name) });
  },
);
