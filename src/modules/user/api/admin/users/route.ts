import { listEnvelope, listQuery, withValidation, type KioskResponse } from "kiosk";
import type UserService from "../../../services/user";
import { createUser } from "./validators";
import { userList, userResponse } from "../../schemas";

export const GET = withValidation({ query: listQuery({}, 50), response: userList }, async (req, res: KioskResponse) => {
  const [users, count] = await req.scope.resolve<UserService>("userService").list(req.validatedQuery);
  res.json(listEnvelope("users", users, count, req.validatedQuery));
});

export const POST = withValidation({ body: createUser, response: userResponse }, async (req, res: KioskResponse) => {
  const user = await req.scope.resolve<UserService>("userService").create(req.validatedBody);
  res.status(200).json({ user });
});
