import type pg from 'pg';
import { inTransaction } from './database';

/** The runner's tables, in their own schema beside graphile-worker's. */
export const S = 'campaign_studio';

const TABLES = `
create schema if not exists ${S};
create table if not exists ${S}.settings (key text primary key, value text not null);
-- A flow's current version; live_revision is the one new journeys enter with (null: not running).
create table if not exists ${S}.flows (
  id text primary key,
  revision int not null,
  status text not null,
  content_hash text not null,
  document jsonb not null,
  updated_at timestamptz not null default now(),
  live_revision int,
  deleted boolean not null default false
);
-- Every version ever written: journeys run to their end on the version they entered with.
create table if not exists ${S}.flow_revisions (flow_id text not null, revision int not null, document jsonb not null, primary key (flow_id, revision));
-- Answers to writes sent with an Idempotency-Key, so a retry gets the first answer again.
create table if not exists ${S}.idempotency (key text primary key, method text not null, path text not null, status int not null, body jsonb, created_at timestamptz not null default now());
create table if not exists ${S}.contacts (id text primary key, record jsonb not null, updated_at timestamptz not null default now());
-- Bumped by every step of the contact: a step writes only if the version it read is still current.
alter table ${S}.contacts add column if not exists version bigint not null default 0;
-- Inputs from the API and Chatwoot, de-duplicated by dedupe_key, applied by one job each.
create table if not exists ${S}.inputs (
  id bigserial primary key,
  dedupe_key text not null unique,
  contact_id text not null,
  input jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create table if not exists ${S}.webhook_deliveries (id text primary key, received_at timestamptz not null default now());
create table if not exists ${S}.journeys (
  id bigserial primary key,
  flow_id text not null,
  revision int not null,
  contact_id text not null,
  status text not null,
  waiting text[] not null default '{}',
  last_node text,
  error text,
  upstream_conversation text,
  conversations jsonb not null default '{}',
  state jsonb,
  next_due bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists journeys_contact_running on ${S}.journeys (contact_id) where status = 'running';
create index if not exists journeys_flow on ${S}.journeys (flow_id, revision, id);
-- Until when (ms) an ended journey's conversion goal can still be met, null when its flow has no goal
-- or it converted: a contact's input reads its ended journeys within the window (columns added to
-- existing data dirs are null, so journeys that ended before the upgrade are not read).
alter table ${S}.journeys add column if not exists goal_until bigint;
create index if not exists journeys_contact_goal on ${S}.journeys (contact_id, goal_until) where goal_until is not null and status <> 'running';
-- One row per (journey, node) that acts on another system: a node acts at most once per journey.
create table if not exists ${S}.outbox (
  journey_id bigint not null,
  node_id text not null,
  action jsonb not null,
  status text not null default 'pending',
  reason text,
  remote_id text,
  attempts int not null default 0,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  primary key (journey_id, node_id)
);
-- A scheduled flow's run at one instant (ms): the revision its contacts enter with, and how far its
-- pages went (contacts by id after cursor are next); done_at once every contact was queued.
create table if not exists ${S}.schedule_runs (
  flow_id text not null,
  at bigint not null,
  revision int not null,
  cursor text not null default '',
  queued bigint not null default 0,
  pages int not null default 0,
  started_at timestamptz not null default now(),
  done_at timestamptz,
  primary key (flow_id, at)
);
-- Live job workers, with heartbeats: jobs locked by a worker that stopped beating are unlocked.
create table if not exists ${S}.workers (worker_id text primary key, process text not null, heartbeat_at timestamptz not null default now());
`;

/** Creates the tables if needed; concurrent runner processes serialise on an advisory lock. */
export async function migrate(pool: pg.Pool): Promise<void> {
  await migrateWith(pool, TABLES);
}

/**
 * Runs schema SQL under the runner's migration lock. Every `create … if not exists` goes through
 * here: two processes creating the same table at once collide in PostgreSQL's catalog
 * ("type … already exists") despite `if not exists`.
 */
export async function migrateWith(pool: pg.Pool, sql: string): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('select pg_advisory_xact_lock(4242001)');
    await c.query(sql);
  });
}
