-- Booth chat: one conversation per visitor and exhibitor, text messages from either side, the visitor's
-- "leave a message / call me back" leads, a time the staff propose, reports and the organiser's hiding.

create table conversations (
  id uuid primary key,
  exhibitor_id text not null references exhibitors (id),
  visitor_id uuid not null references visitors (id),
  -- each message takes the next number under this row's lock, so numbers commit in order and a client that
  -- asks for "after n" never misses one committed late (a global sequence would allow that)
  last_seq integer not null default 0,
  visitor_read_seq integer not null default 0,
  staff_read_seq integer not null default 0,
  -- the staff blocked this visitor: nothing more from them is stored (enforced by chat_messages_refuse_blocked)
  blocked_at timestamptz,
  -- a lead (message left while nobody was online, or a call-back request) that no staff reply has answered yet
  open_lead_at timestamptz,
  last_message_at timestamptz not null,
  created_at timestamptz not null,
  unique (exhibitor_id, visitor_id)
);
create index conversations_exhibitor_recent on conversations (exhibitor_id, last_message_at desc);
create index conversations_visitor on conversations (visitor_id);

create table chat_messages (
  conversation_id uuid not null references conversations (id),
  seq integer not null check (seq > 0),
  sender text not null check (sender in ('visitor', 'staff')),
  staff_id uuid references staff (id),
  kind text not null check (kind in ('text', 'lead', 'proposal')),
  -- text only, never markup; 1 to 1,000 characters (code points), as the app and the API say
  body text not null check (char_length(body) between 1 and 1000),
  -- a lead's way back: a phone number or an address the visitor typed, and whether they asked for a call
  contact text check (char_length(contact) <= 200),
  call_back boolean not null default false,
  -- a proposed time: a slot of the exhibitor the visitor may book through the ordinary booking rules
  proposed_start timestamptz,
  proposed_end timestamptz,
  proposed_mode text check (proposed_mode in ('online', 'on-site')),
  hidden_at timestamptz,
  hidden_by uuid references staff (id),
  created_at timestamptz not null,
  primary key (conversation_id, seq),
  check ((sender = 'staff') = (staff_id is not null)),
  check ((kind = 'lead') <= (sender = 'visitor')),
  check ((kind = 'proposal') = (proposed_start is not null and proposed_end > proposed_start and proposed_mode is not null and sender = 'staff'))
);

-- A blocked visitor cannot add a message, whatever path the insert takes.
create function chat_messages_refuse_blocked() returns trigger language plpgsql as $$
begin
  if new.sender = 'visitor' and exists (select 1 from conversations where id = new.conversation_id and blocked_at is not null) then
    raise exception 'visitor blocked in conversation %', new.conversation_id using errcode = 'P0001', constraint = 'chat_visitor_blocked';
  end if;
  return new;
end $$;
create trigger chat_messages_refuse_blocked before insert on chat_messages for each row execute function chat_messages_refuse_blocked();

create table chat_reports (
  id bigserial primary key,
  conversation_id uuid not null,
  seq integer not null,
  reporter_kind text not null check (reporter_kind in ('visitor', 'staff')),
  reporter_id uuid not null,
  reason text not null default '' check (char_length(reason) <= 500),
  resolved_at timestamptz,
  created_at timestamptz not null,
  foreign key (conversation_id, seq) references chat_messages (conversation_id, seq),
  -- one report per reporter and message: reporting twice changes nothing
  unique (conversation_id, seq, reporter_kind, reporter_id)
);

-- Which exhibitors have staff with the console open, per server process: a process refreshes its rows while it
-- lives; rows of a process that stopped refreshing count for nobody after a short while.
create table staff_presence (
  process text not null,
  exhibitor_id text not null references exhibitors (id),
  sockets integer not null check (sockets > 0),
  seen_at timestamptz not null,
  primary key (process, exhibitor_id)
);
