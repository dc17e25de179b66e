import { Command, Option } from "commander";
import { CliError } from "../cli-error";
import { withKernel } from "../with-kernel";

interface UserCreateOptions {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  role: string;
  cwd?: string;
}

/** `kiosk user create`: adds an admin user who can sign in to `/admin`. */
export function userCommand(): Command {
  const user = new Command("user").description("Manage admin users");
  user
    .command("create")
    .description("Create an admin user")
    .requiredOption("-e, --email <email>", "the user's email")
    .requiredOption("-p, --password <password>", "at least 8 characters")
    .option("--first-name <name>", "first name")
    .option("--last-name <name>", "last name")
    .addOption(new Option("--role <role>", "role").choices(["admin", "member", "developer"]).default("admin"))
    .option("-C, --cwd <dir>", "project directory")
    .addHelpText("after", "\nExample:\n  $ kiosk user create --email admin@example.com --password supersecret\n")
    .action(async (opts: UserCreateOptions) => {
      const input = parseUserInput(opts);
      const { ConflictError } = require("../../kernel/errors") as typeof import("../../kernel/errors");
      await withKernel(opts.cwd, async (kernel) => {
        let created;
        try {
          created = await kernel.container.resolve<any>("userService").create(input);
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
          throw new CliError("KIOSK_USER_EXISTS", `a user with the email ${input.email} already exists: sign in with it, or choose another --email`);
        }
        process.stdout.write(`created ${created.role} user ${created.email} (${created.id})\n`);
      });
    });
  return user;
}

/** The same rules as `POST /admin/users`, checked before the project boots. */
function parseUserInput(opts: UserCreateOptions) {
  const { z } = require("zod") as typeof import("zod");
  const schema = z.object({
    email: z.string().email("--email must be an email address"),
    password: z.string().min(8, "--password must have at least 8 characters"),
  });
  const parsed = schema.safeParse(opts);
  if (!parsed.success) {
    throw new CliError("KIOSK_BAD_ARGUMENT", parsed.error.issues[0].message);
  }
  return { email: opts.email, password: opts.password, first_name: opts.firstName, last_name: opts.lastName, role: opts.role };
}
