import { mergeMetadata, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { Note } from "../models/note";

export interface NoteInput {
  resource_type: string;
  resource_id: string;
  value: string;
  author_id: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface NoteFilter {
  resource_id?: string;
  resource_type?: string;
}

const NEWEST_FIRST = { created_at: "DESC", id: "DESC" } as const;

/** Admin notes on any resource. */
export default class NoteService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(filter: NoteFilter, page: { offset: number; limit: number }): Promise<[Note[], number]> {
    const where: NoteFilter = {};
    if (filter.resource_id !== undefined) where.resource_id = filter.resource_id;
    if (filter.resource_type !== undefined) where.resource_type = filter.resource_type;
    return this.unitOfWork.read((manager) => manager.findAndCount(Note, { where, order: NEWEST_FIRST, skip: page.offset, take: page.limit }));
  }

  retrieve(id: string): Promise<Note> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  create(input: NoteInput): Promise<Note> {
    return this.unitOfWork.run(async (tx) => {
      const note = await tx.manager.save(tx.manager.create(Note, { ...input, metadata: input.metadata ?? null }));
      tx.emit("note.created", { id: note.id });
      return note;
    });
  }

  update(id: string, input: { value?: string; metadata?: Record<string, unknown> | null }): Promise<Note> {
    return this.unitOfWork.run(async (tx) => {
      const note = await this.load(tx.manager, id);
      if (input.value !== undefined) note.value = input.value;
      note.metadata = mergeMetadata(note.metadata, input.metadata);
      const saved = await tx.manager.save(note);
      tx.emit("note.updated", { id });
      return saved;
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(Note, { id });
      if (!affected) throw new NotFoundError(`Note with id ${id} was not found`);
      tx.emit("note.deleted", { id });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<Note> {
    const note = await manager.findOneBy(Note, { id });
    if (!note) throw new NotFoundError(`Note with id ${id} was not found`);
    return note;
  }
}
