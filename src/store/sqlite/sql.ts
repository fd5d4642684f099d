// The statement source the SQLite store's parts share: compiled once per database, reused per article.
import type Database from 'better-sqlite3';

export type Sql = (text: string) => Database.Statement;
