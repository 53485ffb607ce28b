-- Negotiation bookings, the people who make and answer them, and what the database itself guarantees.
-- Runs unchanged on PGlite (with its btree_gist contrib extension) and on PostgreSQL 15+.

create extension if not exists btree_gist;

-- One row per exhibitor of the content pack. The pack's availability is the starting point; once staff edit
-- their hours in the console, `availability_edited_at` is set and the pack no longer overwrites them.
create table exhibitors (
  id text primary key,
  availability jsonb not null,
  availability_edited_at timestamptz,
  auto_accept boolean not null default false,
  created_at timestamptz not null default now()
);

-- A visitor is anonymous until they book: the profile they last booked with, for their own mails and
-- sign-in links. Exhibitors see a profile only on bookings where the visitor consented to share it.
create table visitors (
  id uuid primary key,
  email text,
  profile jsonb,
  language text not null default 'zh-CN',
  created_at timestamptz not null default now()
);
create index visitors_email on visitors (email) where email is not null;

-- Exhibitor staff (several per exhibitor, each with their own sign-in) and the organiser's people.
create table staff (
  id uuid primary key,
  exhibitor_id text references exhibitors (id),
  role text not null check (role in ('exhibitor', 'organiser')),
  email text not null check (email = lower(email)),
  name text not null default '',
  language text not null default 'zh-CN' check (language in ('zh-CN', 'en', 'ko')),
  created_at timestamptz not null default now(),
  removed_at timestamptz,
  check ((role = 'organiser') = (exhibitor_id is null))
);
create unique index staff_one_account_per_email on staff (coalesce(exhibitor_id, ''), email) where removed_at is null;

-- Sign-in links: only a SHA-256 of the token is kept. E-mailed and invitation links are single-use and
-- expire; a visitor's private agenda link does not expire but is replaced when the visitor asks for a new one.
create table sign_in_tokens (
  token_hash bytea primary key,
  subject_kind text not null check (subject_kind in ('visitor', 'staff')),
  subject_id uuid not null,
  purpose text not null check (purpose in ('sign-in', 'private-link')),
  expires_at timestamptz,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  check (purpose = 'private-link' or expires_at is not null)
);
create unique index one_private_link_per_visitor on sign_in_tokens (subject_id) where purpose = 'private-link';

-- Sessions behind the httpOnly cookies, also stored as hashes.
create table sessions (
  id_hash bytea primary key,
  subject_kind text not null check (subject_kind in ('visitor', 'staff')),
  subject_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_subject on sessions (subject_kind, subject_id);

create table bookings (
  id uuid primary key,
  visitor_id uuid not null references visitors (id),
  exhibitor_id text not null references exhibitors (id),
  mode text not null check (mode in ('online', 'on-site')),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  status text not null check (status in ('requested', 'proposed', 'confirmed', 'declined', 'cancelled', 'expired')),
  -- The negotiation-area table in the hall (online meetings too: the hall's video tables).
  table_id text not null,
  -- Which of the exhibitor's parallel tables (its staff) the meeting takes; never shown, only counted. A seat is
  -- negative only inside a transaction that repacks an exhibitor's seats (moved seats step aside first).
  seat smallint not null check (seat between 1 and 10 or seat between -10 and -1),
  confirmation_code text not null unique,
  meeting_url text,
  topic text not null,
  profile jsonb not null,
  share_profile boolean not null default false,
  consent_version text,
  consent_at timestamptz,
  visitor_time_zone text not null,
  exhibitor_time_zone text not null,
  language text not null check (language in ('zh-CN', 'en', 'ko')),
  hold_expires_at timestamptz,
  original_starts_at timestamptz,
  original_ends_at timestamptz,
  -- what staff wrote when they proposed another time
  proposal_message text,
  decline_reason text,
  cancel_reason text,
  cancelled_by text check (cancelled_by in ('visitor', 'exhibitor')),
  cancelled_at timestamptz,
  replaces uuid references bookings (id),
  replaced_by uuid references bookings (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A pending request or proposal holds its table only until it is answered or expires.
  check (status not in ('requested', 'proposed') or hold_expires_at is not null),
  -- No two live bookings share a hall table at the same time.
  constraint bookings_table_free exclude using gist (table_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('requested', 'proposed', 'confirmed')),
  -- No two live bookings of one exhibitor share one of its parallel tables: with seats numbered from 1 to
  -- the exhibitor's parallel tables, this caps its simultaneous meetings whatever the application does.
  constraint bookings_exhibitor_seat_free exclude using gist (exhibitor_id with =, seat with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('requested', 'proposed', 'confirmed')),
  -- A visitor is never in two live meetings at once.
  constraint bookings_visitor_free exclude using gist (visitor_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('requested', 'proposed', 'confirmed'))
);
create index bookings_exhibitor_time on bookings (exhibitor_id, starts_at);
create index bookings_visitor_time on bookings (visitor_id, starts_at);
create index bookings_pending_holds on bookings (hold_expires_at) where status in ('requested', 'proposed');

-- A retried request (same key from the same subject) gets the first answer, never a second booking.
create table idempotency_keys (
  subject text not null,
  key text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (subject, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

-- Mails are written in the same transaction as the change they tell of, then sent (and retried) by a worker:
-- a rolled-back booking never mails, and an SMTP outage loses nothing.
create table outbox (
  id bigserial primary key,
  to_address text not null,
  subject text not null,
  text_body text not null,
  ics text,
  ics_method text,
  created_at timestamptz not null default now(),
  next_attempt_at timestamptz not null default now(),
  attempts integer not null default 0,
  sent_at timestamptz,
  last_error text
);
create index outbox_unsent on outbox (next_attempt_at) where sent_at is null;
