import type Database from 'better-sqlite3';
import type { DocumentRow } from './document-rows.js';

export type SqlParameter = string | number;

export interface CountRow {
  readonly total: number;
}

/** A full-text match with its bm25 rank (lower is better, as FTS5 gives it). */
export interface RankedRow {
  readonly id: number;
  readonly rank: number;
}

/** A match from the ranking window, with the number of matches the window holds. */
export interface WindowRow extends RankedRow {
  readonly in_window: number;
}

/** A stored document with the snippets of its three text columns. */
export interface HitDetailRow extends DocumentRow {
  readonly text_snippet: string;
  readonly summary_snippet: string;
  readonly key_snippet: string;
}

/** Prepared statements of one connection, cached by SQL text (queries vary with the filters used). */
export class StatementCache {
  private readonly counts = new Map<string, Database.Statement<SqlParameter[], CountRow>>();
  private readonly ranked = new Map<string, Database.Statement<SqlParameter[], RankedRow>>();
  private readonly documents = new Map<string, Database.Statement<SqlParameter[], DocumentRow>>();
  private readonly windows = new Map<string, Database.Statement<SqlParameter[], WindowRow>>();
  private readonly hitDetails = new Map<string, Database.Statement<SqlParameter[], HitDetailRow>>();

  constructor(private readonly db: Database.Database) {}

  count(sql: string): Database.Statement<SqlParameter[], CountRow> {
    return cached(this.counts, sql, () => this.db.prepare<SqlParameter[], CountRow>(sql));
  }

  rankedRows(sql: string): Database.Statement<SqlParameter[], RankedRow> {
    return cached(this.ranked, sql, () => this.db.prepare<SqlParameter[], RankedRow>(sql));
  }

  windowRows(sql: string): Database.Statement<SqlParameter[], WindowRow> {
    return cached(this.windows, sql, () => this.db.prepare<SqlParameter[], WindowRow>(sql));
  }

  hitDetailRows(sql: string): Database.Statement<SqlParameter[], HitDetailRow> {
    return cached(this.hitDetails, sql, () => this.db.prepare<SqlParameter[], HitDetailRow>(sql));
  }

  documentRows(sql: string): Database.Statement<SqlParameter[], DocumentRow> {
    return cached(this.documents, sql, () => this.db.prepare<SqlParameter[], DocumentRow>(sql));
  }
}

function cached<T>(cache: Map<string, T>, sql: string, prepare: () => T): T {
  const existing = cache.get(sql);
  if (existing !== undefined) return existing;
  const statement = prepare();
  cache.set(sql, statement);
  return statement;
}
