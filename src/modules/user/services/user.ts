import {
  ConflictError,
  hashPassword,
  NotFoundError,
  UnauthorizedError,
  verifyPassword,
  type TokenVersionCache,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { User, type UserRole } from "../models/user";

export interface CreateUserInput {
  email: string;
  password: string;
  first_name?: string | null;
  last_name?: string | null;
  role?: UserRole;
  metadata?: Record<string, unknown> | null;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, "email">>;

/** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

/**
 * Admin users: create, sign in, list, update, delete. Emails are stored lower-cased.
 * A password change or `revokeTokens` raises the user's token version, so every
 * token signed before it is refused; this process forgets what it cached of the
 * user at once, other processes within `auth.accountCacheTtl`.
 */
export default class UserService {
  private readonly unitOfWork: UnitOfWork;
  private readonly tokenVersionCache: TokenVersionCache;

  constructor({ unitOfWork, tokenVersionCache }: KioskServices) {
    this.unitOfWork = unitOfWork;
    this.tokenVersionCache = tokenVersionCache;
  }

  async list(page: { offset: number; limit: number }): Promise<[User[], number]> {
    return this.unitOfWork.run((tx) =>
      tx.manager.findAndCount(User, { order: { created_at: "ASC", id: "ASC" }, skip: page.offset, take: page.limit }),
    );
  }

  async retrieve(id: string): Promise<User> {
    const user = await this.unitOfWork.run((tx) => tx.manager.findOneBy(User, { id }));
    if (!user) throw new NotFoundError(`User with id ${id} was not found`);
    return user;
  }

  create(input: CreateUserInput): Promise<User> {
    const email = input.email.toLowerCase();
    return this.unitOfWork.run(async (tx) => {
      if (await tx.manager.existsBy(User, { email })) {
        throw new ConflictError(`A user with the email ${email} already exists`, "duplicate_error");
      }
      const { password, ...fields } = input;
      const saved = await tx.manager.save(
        tx.manager.create(User, { ...fields, email, password_hash: await hashPassword(password) }),
      );
      tx.emit("user.created", { id: saved.id });
      return tx.manager.findOneByOrFail(User, { id: saved.id });
    });
  }

  /** Updates a user; a new password revokes every token the user holds. */
  async update(id: string, input: UpdateUserInput): Promise<User> {
    const { password, ...fields } = input;
    const passwordHash = password ? await hashPassword(password) : undefined;
    const updated = await this.unitOfWork.run(async (tx) => {
      const user = await tx.manager.findOneBy(User, { id });
      if (!user) throw new NotFoundError(`User with id ${id} was not found`);
      Object.assign(user, fields);
      if (passwordHash) Object.assign(user, { password_hash: passwordHash });
      await tx.manager.save(user);
      if (passwordHash) await tx.manager.increment(User, { id }, "token_version", 1);
      tx.emit("user.updated", { id });
      return tx.manager.findOneByOrFail(User, { id });
    });
    if (passwordHash) this.tokenVersionCache.forget("user", id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(User, { id });
      if (!affected) throw new NotFoundError(`User with id ${id} was not found`);
      tx.emit("user.deleted", { id });
    });
    this.tokenVersionCache.forget("user", id);
  }

  /** Signs the user out everywhere: every token (and session cookie) issued so far is refused. */
  async revokeTokens(id: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.increment(User, { id }, "token_version", 1);
      if (!affected) throw new NotFoundError(`User with id ${id} was not found`);
    });
    this.tokenVersionCache.forget("user", id);
  }

  /** The user's token version, for checking tokens; undefined when the user no longer exists. */
  async tokenVersion(id: string): Promise<number | undefined> {
    const row = await this.unitOfWork.read((manager) =>
      manager
        .createQueryBuilder(User, "user")
        .select("user.token_version", "version")
        .where("user.id = :id", { id })
        .getRawOne<{ version: number | string }>(),
    );
    return row ? Number(row.version) : undefined;
  }

  /**
   * The user with this email and password, and the token version to sign its
   * token with; one 401 for a wrong email or a wrong password alike.
   */
  async signIn(email: string, password: string): Promise<{ user: User; tokenVersion: number }> {
    const found = await this.unitOfWork.read((manager) =>
      manager
        .createQueryBuilder(User, "user")
        .addSelect(["user.password_hash", "user.token_version"])
        .where("user.email = :email", { email: email.toLowerCase() })
        .getOne(),
    );
    const stored = found ? found.password_hash : await (dummyHash ??= hashPassword("not-a-password"));
    if (!(await verifyPassword(password, stored)) || !found) {
      throw new UnauthorizedError("Wrong email or password", "invalid_credentials");
    }
    return { user: await this.retrieve(found.id), tokenVersion: found.token_version };
  }

  /** The user with this email and password; one 401 for a wrong email or a wrong password alike. */
  async authenticate(email: string, password: string): Promise<User> {
    return (await this.signIn(email, password)).user;
  }
}
