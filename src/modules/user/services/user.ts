import {
  ConflictError,
  hashPassword,
  NotFoundError,
  UnauthorizedError,
  verifyPassword,
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

/** Admin users: create, sign in, list, update, delete. Emails are stored lower-cased. */
export default class UserService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: { unitOfWork: UnitOfWork }) {
    this.unitOfWork = unitOfWork;
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

  update(id: string, input: UpdateUserInput): Promise<User> {
    return this.unitOfWork.run(async (tx) => {
      const user = await tx.manager.findOneBy(User, { id });
      if (!user) throw new NotFoundError(`User with id ${id} was not found`);
      const { password, ...fields } = input;
      Object.assign(user, fields);
      if (password) Object.assign(user, { password_hash: await hashPassword(password) });
      await tx.manager.save(user);
      tx.emit("user.updated", { id });
      return tx.manager.findOneByOrFail(User, { id });
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(User, { id });
      if (!affected) throw new NotFoundError(`User with id ${id} was not found`);
      tx.emit("user.deleted", { id });
    });
  }

  /** The user with this email and password; one 401 for a wrong email or a wrong password alike. */
  async authenticate(email: string, password: string): Promise<User> {
    const found = await this.unitOfWork.run((tx) =>
      tx.manager
        .createQueryBuilder(User, "user")
        .addSelect("user.password_hash")
        .where("user.email = :email", { email: email.toLowerCase() })
        .getOne(),
    );
    if (!found || !(await verifyPassword(password, found.password_hash))) {
      throw new UnauthorizedError("Wrong email or password", "invalid_credentials");
    }
    return this.retrieve(found.id);
  }
}
