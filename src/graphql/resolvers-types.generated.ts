// Generated from schema.graphql by `npm run codegen`. Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LeaderModel, CountryModel, OrganizationModel, MeetingModel, MilitaryDealModel, EventModel, StatementModel, SourceModel, SyncRunModel, ArmsItemModel, ArmsDeliveryModel, RoleModel, DelegationModel, CitationModel, LocationModel, MeetingAttendeeModel, InvitationModel, EventLinkModel, DealFigureModel, DealDisagreementModel } from './models.js';
import type { Context } from './context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO 8601 UTC timestamp: "2026-05-18T14:29:20.000Z". */
  DateTime: { input: string; output: string; }
  /** A calendar date at year, month or day precision: "2022", "2022-07", "2024-10-11". */
  PartialDate: { input: string; output: string; }
};

/** Who can act or be acted upon: a leader, a state or an organisation. */
export type Actor = Country | Leader | Organization;

/** What was delivered in one year of a deal, as the source gives it. */
export type ArmsDelivery = {
  __typename?: 'ArmsDelivery';
  /** How many weapons were delivered that year; null when the source does not say. */
  delivered?: Maybe<Scalars['Int']['output']>;
  /** Whether the source flags the number or the year of this delivery as an estimate. */
  estimate: Scalars['Boolean']['output'];
  /**
   * SIPRI trend-indicator value of what was delivered that year, in millions of TIV: a measure
   * of military capability transferred, not money. Null when the source does not say.
   */
  tiv?: Maybe<Scalars['Float']['output']>;
  /** The year of delivery. */
  year: Scalars['Int']['output'];
};

/** What was delivered in one year of a deal, as an editor sends it. */
export type ArmsDeliveryInput = {
  /** How many weapons were delivered that year. */
  delivered?: InputMaybe<Scalars['Int']['input']>;
  /** Whether the source flags the number or the year as an estimate. */
  estimate?: InputMaybe<Scalars['Boolean']['input']>;
  /** SIPRI trend-indicator value of what was delivered that year, in millions of TIV (not money). */
  tiv?: InputMaybe<Scalars['Float']['input']>;
  /** The year of delivery, 1900 to 2100; one entry per year. */
  year: Scalars['Int']['input'];
};

/** One kind of weapon system in a deal. */
export type ArmsItem = {
  __typename?: 'ArmsItem';
  /** Condition as SIPRI records it: New, Second hand, Second hand but modernized. */
  condition?: Maybe<Scalars['String']['output']>;
  /** How many have been delivered, when known. */
  delivered?: Maybe<Scalars['Int']['output']>;
  /** Whether the number delivered is an estimate. */
  deliveredUncertain: Scalars['Boolean']['output'];
  /** Years in which deliveries were made. */
  deliveryYears: Array<Scalars['Int']['output']>;
  /** What it is: "fighter aircraft". */
  description: Scalars['String']['output'];
  /** The designation: "Su-35", "Shahed-136". */
  designation?: Maybe<Scalars['String']['output']>;
  /** How many were ordered, when known. */
  quantity?: Maybe<Scalars['Int']['output']>;
  /** What the source says when it gives no exact number: 'hundreds'. */
  quantityNote?: Maybe<Scalars['String']['output']>;
  /** Whether the number ordered is an estimate. */
  quantityUncertain: Scalars['Boolean']['output'];
  /** Where this item stands, when the source says it apart from the deal (the Yak-130s delivered, the rest unclear). */
  status?: Maybe<DealStatus>;
};

/** One kind of weapon system in a deal, as an editor sends it. */
export type ArmsItemInput = {
  /** Condition: New, Second hand, Second hand but modernized. */
  condition?: InputMaybe<Scalars['String']['input']>;
  /** How many have been delivered. */
  delivered?: InputMaybe<Scalars['Int']['input']>;
  /** Whether the number delivered is an estimate. */
  deliveredUncertain?: InputMaybe<Scalars['Boolean']['input']>;
  /** Years in which deliveries were made. */
  deliveryYears?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** What it is: "fighter aircraft". */
  description: Scalars['String']['input'];
  /** The designation: "Su-35". */
  designation?: InputMaybe<Scalars['String']['input']>;
  /** How many were ordered. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** What the source says when it gives no exact number. */
  quantityNote?: InputMaybe<Scalars['String']['input']>;
  /** Whether the number ordered is an estimate. */
  quantityUncertain?: InputMaybe<Scalars['Boolean']['input']>;
  /** Where this item stands, when the source says it apart from the deal. */
  status?: InputMaybe<DealStatus>;
};

/** Which deals `armsTransferStats` totals. */
export type ArmsTransferFilter = {
  /** Only deals ordered in this year or later (not with groupBy DELIVERY_YEAR). */
  orderedFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Only deals ordered in this year or earlier (not with groupBy DELIVERY_YEAR). */
  orderedTo?: InputMaybe<Scalars['Int']['input']>;
  /** Who receives: an ISO code or an actor id. */
  recipient?: InputMaybe<Scalars['String']['input']>;
  /** Who supplies: an ISO code or an actor id. */
  supplier?: InputMaybe<Scalars['String']['input']>;
};

/** The totals of one supplier, recipient, year of order or year of delivery. */
export type ArmsTransferGroup = {
  __typename?: 'ArmsTransferGroup';
  /** The year of delivery, when grouped by year of delivery; null for deliveries the source does not split by year. */
  deliveryYear?: Maybe<Scalars['Int']['output']>;
  /** The year of order, when grouped by year of order; null for deals with no known year. */
  orderYear?: Maybe<Scalars['Int']['output']>;
  /** The supplier or recipient, when grouped by one. */
  party?: Maybe<Actor>;
  /** Its totals. */
  totals: ArmsTransferTotals;
};

/** A group in `armsTransferStats`. */
export type ArmsTransferGroupEdge = {
  __typename?: 'ArmsTransferGroupEdge';
  /** Where this group stands in the list. */
  cursor: Scalars['String']['output'];
  /** The group. */
  node: ArmsTransferGroup;
};

/** What one entry of `armsTransferStats` totals. */
export type ArmsTransferGrouping =
  /**
   * One entry per year of delivery, with what was delivered that year, where the source gives
   * per-year figures (SIPRI's per-delivery exports; a deal-level record with one year of
   * delivery). Deliveries not split by year are one entry with no year. An entry's `deals` are
   * the deals delivering that year and its ordered totals what those deals ordered, so a deal
   * delivering over several years is in each of their entries; the answer's `totals` count each
   * deal once.
   */
  | 'DELIVERY_YEAR'
  /** One entry per year of order. */
  | 'ORDER_YEAR'
  /** One entry per recipient. */
  | 'RECIPIENT'
  /** One entry per supplier. */
  | 'SUPPLIER';

/** How many of the deals totalled cite a source. */
export type ArmsTransferSourceCount = {
  __typename?: 'ArmsTransferSourceCount';
  /** Records totalled that cite it: deals, and register records whose figures describe a listed deal. */
  deals: Scalars['Int']['output'];
  /** The source (for SIPRI, its title and `publishedOn` name the export's snapshot). */
  source: Source;
};

/** Totals over arms transfers, one entry per group, largest first. */
export type ArmsTransferStats = {
  __typename?: 'ArmsTransferStats';
  /** The groups of this page. */
  edges: Array<ArmsTransferGroupEdge>;
  /** How many groups there are in all. */
  groupCount: Scalars['Int']['output'];
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** The sources those deals cite, with how many cite each (most cited first, then by id): what the answer covers. */
  sources: Array<ArmsTransferSourceCount>;
  /** The totals over every deal the filter keeps. */
  totals: ArmsTransferTotals;
};

/** A total of `armsTransferStats`, to order the entries by. */
export type ArmsTransferTotal =
  /** Number of deals. */
  | 'DEALS'
  /** Number of weapons delivered. */
  | 'NUMBER_DELIVERED'
  /** Number of weapons ordered. */
  | 'NUMBER_ORDERED'
  /** TIV of what has been delivered. */
  | 'TIV_DELIVERED'
  /** TIV of the orders. */
  | 'TIV_ORDERED';

/**
 * Totals over a set of deals. TIV in millions of SIPRI trend-indicator values, never money.
 * Each transfer counts once, as the lists count it: a register record that describes a deal
 * listed already (`MilitaryDeal.sameAs`) adds its figures, in its own years, but not a deal.
 */
export type ArmsTransferTotals = {
  __typename?: 'ArmsTransferTotals';
  /** Number of deals, each transfer once (register records that describe a listed deal left out). */
  deals: Scalars['Int']['output'];
  /** Weapons delivered, where the number is known. */
  numberDelivered: Scalars['Int']['output'];
  /** Weapons ordered, where the number is known. */
  numberOrdered: Scalars['Int']['output'];
  /** TIV of what has been delivered. */
  tivDelivered: Scalars['Float']['output'];
  /** TIV of the orders (deals whose number ordered is unknown add nothing). */
  tivOrdered: Scalars['Float']['output'];
};

/** Who may keep a cached answer: any cache (PUBLIC) or only the caller's own (PRIVATE). */
export type CacheControlScope =
  /** Only the caller's own cache may keep it. */
  | 'PRIVATE'
  /** Shared caches (CDNs, proxies) may keep it. */
  | 'PUBLIC';

/** The support for a fact: a source and the passage of it that says so. */
export type Citation = {
  __typename?: 'Citation';
  /** The passage of the source that supports the fact, verbatim. */
  excerpt?: Maybe<Scalars['String']['output']>;
  /** The source cited. */
  source: Source;
};

/** A source cited by what an editor sends. */
export type CitationInput = {
  /** The passage that supports the fact, verbatim. */
  excerpt?: InputMaybe<Scalars['String']['input']>;
  /** Id of the source, `source:…`. */
  source: Scalars['ID']['input'];
};

/** How well a fact is established. */
export type Confidence =
  /** Claimed or accused, not established. */
  | 'ALLEGED'
  /** Established by the parties or by a reference dataset. */
  | 'CONFIRMED'
  /** Denied by a party to it. */
  | 'DENIED'
  /** Reported by a credible source, not confirmed. */
  | 'REPORTED';

/** A state, current or former. */
export type Country = Node & {
  __typename?: 'Country';
  /** Other names it goes by. */
  aliases: Array<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 code, or ISO 3166-3 code for a former state. */
  code: Scalars['String']['output'];
  /** Deals this country supplies or receives, newest first; each transfer once unless `includeSourceRecords`. */
  deals: MilitaryDealConnection;
  /** Whether the state no longer exists (Soviet Union, East Germany). */
  former: Scalars['Boolean']['output'];
  /** `country:` followed by the code. */
  id: Scalars['ID']['output'];
  /** Leaders of this country, by name; with `activeOn`, those holding a role then. */
  leaders: LeaderConnection;
  /** Common English name. */
  name: Scalars['String']['output'];
};


/** A state, current or former. */
export type CountryDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSourceRecords?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** A state, current or former. */
export type CountryLeadersArgs = {
  activeOn?: InputMaybe<Scalars['PartialDate']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NameOrder>;
};

/** The order of a dated list. */
export type DateOrder =
  /** Latest first (the default). */
  | 'NEWEST_FIRST'
  /** Earliest first: a timeline read from its beginning. */
  | 'OLDEST_FIRST';

/** A point on which the records of one transfer disagree. */
export type DealDisagreement = {
  __typename?: 'DealDisagreement';
  /** What they disagree on: agreedOn, status, or quantity / delivered of an item ("quantity of Yak-130"). */
  field: Scalars['String']['output'];
  /** What each record says, the deal's own first. */
  values: Array<DealFigure>;
};

/** What one deal record says of a point two sources disagree on. */
export type DealFigure = {
  __typename?: 'DealFigure';
  /** Its sources. */
  citations: Array<Citation>;
  /** The record that says it. */
  deal: MilitaryDeal;
  /** The value, as text: "2023-11", "DELIVERING", "24"; null when this record does not say. */
  value?: Maybe<Scalars['String']['output']>;
};

/** Where a transfer stands, whatever the confidence in it. */
export type DealStatus =
  /** Agreed or ordered; nothing delivered yet. */
  | 'AGREED'
  /** Called off. */
  | 'CANCELLED'
  /** All ordered delivered. */
  | 'DELIVERED'
  /** Some delivered, more to come (or the total is not known). */
  | 'DELIVERING'
  /** Offered or under negotiation. */
  | 'PROPOSED'
  /** Agreed, but the source does not say how far deliveries went. */
  | 'UNKNOWN';

/** People sent to a meeting whom the source does not name: "two aides to President Putin". */
export type Delegation = {
  __typename?: 'Delegation';
  /** The state they came from. */
  country?: Maybe<Country>;
  /** As the source describes them. */
  description: Scalars['String']['output'];
  /** The leader or organisation they represented. */
  representing?: Maybe<Actor>;
  /** How many, when the source says. */
  size?: Maybe<Scalars['Int']['output']>;
};

/** People sent to a meeting whom the source does not name, as an editor sends them. */
export type DelegationInput = {
  /** ISO code of the state they came from. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** As the source describes them. */
  description: Scalars['String']['input'];
  /** Id of the leader or organisation they represented. */
  representing?: InputMaybe<Scalars['ID']['input']>;
  /** How many, when the source says. */
  size?: InputMaybe<Scalars['Int']['input']>;
};

/** What a deletion did. */
export type DeleteResult = {
  __typename?: 'DeleteResult';
  /** False when the record was already deleted and nothing changed. */
  changed: Scalars['Boolean']['output'];
  /** The id of the record. */
  id: Scalars['ID']['output'];
  /** The version now stored: a deletion is a new version, kept in the revisions like any change. */
  version: Scalars['Int']['output'];
};

/** Something that happened: an attack, a killing, sanctions, an invasion, an election. */
export type Event = Node & {
  __typename?: 'Event';
  /** Who did it. */
  actors: Array<Actor>;
  /** Sources for the event. */
  citations: Array<Citation>;
  /** How well it is established. */
  confidence: Confidence;
  /** States it is about beyond its actors and targets. */
  countries: Array<Country>;
  /** When it happened (first day, for several days). */
  date: Scalars['PartialDate']['output'];
  /** Last day, for an event of several days. */
  endDate?: Maybe<Scalars['PartialDate']['output']>;
  /** Stable id, `event:…`. */
  id: Scalars['ID']['output'];
  /** What kind of event, in upper case: MISSILE_ATTACK, TARGETED_KILLING, SANCTIONS, INVASION. */
  kind: Scalars['String']['output'];
  /** Where. */
  location?: Maybe<Location>;
  /** Later events that answered this one, each link with its confidence (at most 100). */
  respondedToBy: Array<EventLink>;
  /** Earlier events this one answered, whether established or claimed (see respondsToLinks). */
  respondsTo: Array<Event>;
  /** Earlier events this one answered, each link with its confidence and who claims it. */
  respondsToLinks: Array<EventLink>;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /** What happened. */
  summary: Scalars['String']['output'];
  /** Who it was aimed at. */
  targets: Array<Actor>;
  /** Targets the source describes without naming them: "ships and companies allegedly involved…". */
  unnamedTargets: Array<Scalars['String']['output']>;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Starts at 1 and grows by one with every change (a deletion is a change too). */
  version: Scalars['Int']['output'];
};


/** Something that happened: an attack, a killing, sanctions, an invasion, an election. */
export type EventRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of events, newest first. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The entries of this page. */
  edges: Array<EventEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** An event in a list. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: Event;
};

/** Which events to list; kind, actor, confidence and dates combine. */
export type EventFilter = {
  /** Id of an actor that took part or was targeted (a country is `country:XX`, or its ISO code). */
  actor?: InputMaybe<Scalars['ID']['input']>;
  /** Only events established this well. */
  confidence?: InputMaybe<Confidence>;
  /** Only events overlapping this date or later. */
  from?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Only events of this kind. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** Only events overlapping this date or earlier. */
  to?: InputMaybe<Scalars['PartialDate']['input']>;
};

/** What an editor sends to create or correct an event. */
export type EventInput = {
  /** Ids of who did it. */
  actors?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Sources; absent keeps the stored ones. A new event sent without any (or an edit that clears them) cites the editor: an editorial source naming the key's holder. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** How well it is established; REPORTED when a new event leaves it out. */
  confidence?: InputMaybe<Confidence>;
  /** ISO codes of states it is about beyond its actors and targets. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When it happened; required for a new event. */
  date?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Last day, for an event of several days. */
  endDate?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Absent: a new event, `event:` + date + summary. Present: the event to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** What kind, in upper case (MISSILE_ATTACK); required for a new event. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** Where. */
  location?: InputMaybe<LocationInput>;
  /** Ids of earlier events this one answered, as established links. */
  respondsTo?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Earlier events this one answered, each link with its confidence; replaces respondsTo when given. */
  respondsToLinks?: InputMaybe<Array<EventLinkInput>>;
  /** What happened; required for a new event. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Ids of who it was aimed at. */
  targets?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Targets the source describes without naming them. */
  unnamedTargets?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A link from one event to another, with how well the link itself is established. */
export type EventLink = {
  __typename?: 'EventLink';
  /** Sources for the link. */
  citations: Array<Citation>;
  /** Who says so, for a link that is a party's claim (Tehran for the attack of 1 October 2024). */
  claimedBy?: Maybe<Actor>;
  /** CONFIRMED when established; ALLEGED when only a party says so (see claimedBy). */
  confidence: Confidence;
  /** The event at the other end. */
  event: Event;
};

/** A link from an event to an earlier one, as an editor sends it. */
export type EventLinkInput = {
  /** Sources for the link. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Id of who says so (`country:IR`), for a claim. */
  claimedBy?: InputMaybe<Scalars['ID']['input']>;
  /** CONFIRMED when established; ALLEGED when only a party says so. */
  confidence: Confidence;
  /** Id of the earlier event. */
  event: Scalars['ID']['input'];
};

/** An invitation to a meeting: a fact of its own, with its status and sources. */
export type Invitation = {
  __typename?: 'Invitation';
  /** Sources for the invitation. */
  citations: Array<Citation>;
  /** The meeting at which it was extended. */
  extendedAt?: Maybe<Meeting>;
  /** When it was extended. */
  extendedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Who extended it. */
  invitedBy?: Maybe<Leader>;
  /** Who was invited. */
  invitee: Leader;
  /** Where it stands. */
  status: InvitationStatus;
};

/** An invitation to a meeting, as an editor sends it. */
export type InvitationInput = {
  /** Sources for the invitation. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Id of the meeting at which it was extended. */
  extendedAt?: InputMaybe<Scalars['ID']['input']>;
  /** When it was extended. */
  extendedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Id of the leader who extended it. */
  invitedBy?: InputMaybe<Scalars['ID']['input']>;
  /** Id of the leader invited. */
  invitee: Scalars['ID']['input'];
  /** Where it stands. */
  status: InvitationStatus;
};

/** Where an invitation stands. */
export type InvitationStatus =
  /** Accepted. */
  | 'ACCEPTED'
  /** Declined. */
  | 'DECLINED'
  /** Extended; no answer known. */
  | 'EXTENDED'
  /** Withdrawn by who extended it. */
  | 'WITHDRAWN';

/** A person who leads or speaks for a state or organisation. */
export type Leader = Node & {
  __typename?: 'Leader';
  /** Other spellings and names. */
  aliases: Array<Scalars['String']['output']>;
  /** Sources for what is said of the leader. */
  citations: Array<Citation>;
  /** The country the leader serves; null for leaders of non-state groups (see organization). */
  country?: Maybe<Country>;
  /** Stable id, `leader:…`. */
  id: Scalars['ID']['output'];
  /** Meetings the leader took part in or was invited to, newest first (see Meeting.attendees for which). */
  meetings: MeetingConnection;
  /** Full name as usually written in English. */
  name: Scalars['String']['output'];
  /** The organisation the leader leads or serves when it is not a state (Hezbollah, Hamas). */
  organization?: Maybe<Organization>;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /** Positions held over time. */
  roles: Array<Role>;
  /** What the leader said, newest first. */
  statements: StatementConnection;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Starts at 1 and grows by one with every change. */
  version: Scalars['Int']['output'];
};


/** A person who leads or speaks for a state or organisation. */
export type LeaderMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** A person who leads or speaks for a state or organisation. */
export type LeaderRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A person who leads or speaks for a state or organisation. */
export type LeaderStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};

/** A page of leaders. */
export type LeaderConnection = {
  __typename?: 'LeaderConnection';
  /** The entries of this page. */
  edges: Array<LeaderEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** A leader in a list. */
export type LeaderEdge = {
  __typename?: 'LeaderEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The leader. */
  node: Leader;
};

/** Which leaders to list. */
export type LeaderFilter = {
  /** Only leaders who held a role on that date. Combines with country. */
  activeOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** ISO code of the country they serve. */
  country?: InputMaybe<Scalars['String']['input']>;
  /**
   * Prefix of a name or alias word, folded as `search` folds its text: "puti" and "Пути" find
   * Vladimir Putin. Combines with country.
   */
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  /** Id of an organisation: its leaders (alone; combines with nothing else). */
  organization?: InputMaybe<Scalars['ID']['input']>;
};

/** What an editor sends to create or correct a leader. Other entities follow the same pattern. */
export type LeaderInput = {
  /** Other spellings; absent keeps the stored ones. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Sources; absent keeps the stored ones. A new leader sent without any (or an edit that clears them) cites the editor: an editorial source naming the key's holder. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** ISO country code. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Absent: a new leader. Present: the leader to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Full name. */
  name: Scalars['String']['input'];
  /** Id of the organisation the leader serves when it is not a state. */
  organization?: InputMaybe<Scalars['ID']['input']>;
  /** Positions held; absent keeps the stored ones. */
  roles?: InputMaybe<Array<RoleInput>>;
};

/** Where something happened. */
export type Location = {
  __typename?: 'Location';
  /** City, when known. */
  city?: Maybe<Scalars['String']['output']>;
  /** Country, when known. */
  country?: Maybe<Country>;
};

/** Where something happened, as an editor sends it. */
export type LocationInput = {
  /** City. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO code of the country. */
  country?: InputMaybe<Scalars['String']['input']>;
};

/** A meeting, visit, summit or talks between leaders or delegations. */
export type Meeting = Node & {
  __typename?: 'Meeting';
  /** Every named leader of the meeting with their part: participants, then invitees (INVITED). */
  attendees: Array<MeetingAttendee>;
  /** Sources for the meeting. */
  citations: Array<Citation>;
  /** The states taking part. */
  countries: Array<Country>;
  /** When it took place or is planned (first day, for several days). */
  date: Scalars['PartialDate']['output'];
  /** Unnamed people taking part. */
  delegations: Array<Delegation>;
  /** Last day, for a meeting of several days. */
  endDate?: Maybe<Scalars['PartialDate']['output']>;
  /** Stable id, `meeting:…`. */
  id: Scalars['ID']['output'];
  /** Leaders invited to it, each invitation with its status. */
  invitations: Array<Invitation>;
  /** Where. */
  location?: Maybe<Location>;
  /** The occasion: a forum, a summit, an official visit. */
  occasion?: Maybe<Scalars['String']['output']>;
  /** Named leaders taking part. */
  participants: Array<Leader>;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /** What was said there. */
  statements: Array<Statement>;
  /** Whether it is planned, held or cancelled. */
  status: MeetingStatus;
  /** What happened, in a sentence or two. */
  summary?: Maybe<Scalars['String']['output']>;
  /** What was discussed. */
  topics: Array<Scalars['String']['output']>;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Starts at 1 and grows by one with every change (a deletion is a change too). */
  version: Scalars['Int']['output'];
};


/** A meeting, visit, summit or talks between leaders or delegations. */
export type MeetingRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A named leader at a meeting, with the part they play. */
export type MeetingAttendee = {
  __typename?: 'MeetingAttendee';
  /** The leader. */
  leader: Leader;
  /** Host, guest, participant, delegation member, or only invited. */
  role: ParticipantRole;
};

/** A page of meetings, newest first. */
export type MeetingConnection = {
  __typename?: 'MeetingConnection';
  /** The entries of this page. */
  edges: Array<MeetingEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** A meeting in a list. */
export type MeetingEdge = {
  __typename?: 'MeetingEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The meeting. */
  node: Meeting;
};

/** Which meetings to list; the conditions given all hold. */
export type MeetingFilter = {
  /** ISO codes of states of which at least one took part. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** ISO code (or `country:` id) of a state that took part. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Only meetings whose dates overlap this date or later. */
  from?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Id of a leader who took part. */
  participant?: InputMaybe<Scalars['ID']['input']>;
  /** Ids of leaders who all took part (with `participant`, that one too). */
  participants?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only meetings with this status. */
  status?: InputMaybe<MeetingStatus>;
  /** Only meetings whose dates overlap this date or earlier. */
  to?: InputMaybe<Scalars['PartialDate']['input']>;
};

/** What an editor sends to create or correct a meeting. */
export type MeetingInput = {
  /** Sources; absent keeps the stored ones. A new meeting sent without any (or an edit that clears them) cites the editor: an editorial source naming the key's holder. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** ISO codes of the states taking part. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When it took place or is planned; required for a new meeting. */
  date?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Unnamed people taking part. */
  delegations?: InputMaybe<Array<DelegationInput>>;
  /** Last day, for a meeting of several days. */
  endDate?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Absent: a new meeting, `meeting:` + date + occasion or summary. Present: the meeting to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Leaders invited, each with the status of the invitation. */
  invitations?: InputMaybe<Array<InvitationInput>>;
  /** Where. */
  location?: InputMaybe<LocationInput>;
  /** The occasion: a forum, a summit, an official visit. */
  occasion?: InputMaybe<Scalars['String']['input']>;
  /** The part each participant plays; a participant not listed is PARTICIPANT. */
  participantRoles?: InputMaybe<Array<ParticipantInput>>;
  /** Ids of the leaders taking part. */
  participants?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Whether it is planned, held or cancelled; required for a new meeting. */
  status?: InputMaybe<MeetingStatus>;
  /** What happened, in a sentence or two. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** What was discussed. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Whether a meeting is ahead, took place, or was called off. */
export type MeetingStatus =
  /** Called off. */
  | 'CANCELLED'
  /** Took place. */
  | 'HELD'
  /** Announced or invited, not yet held. */
  | 'PLANNED';

/**
 * A transfer of arms from a supplier to a recipient. Either side is usually a country,
 * but can be a non-state group (Hezbollah) or an international organisation (NATO).
 */
export type MilitaryDeal = Node & {
  __typename?: 'MilitaryDeal';
  /** When it was agreed or ordered; null when no source says. */
  agreedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Whether the year of order is an estimate. */
  agreedOnUncertain: Scalars['Boolean']['output'];
  /** Sources for the deal; two sources describing it give two citations. */
  citations: Array<Citation>;
  /** Remarks from the source (SIPRI's comments). */
  comments?: Maybe<Scalars['String']['output']>;
  /** How well it is established. */
  confidence: Confidence;
  /**
   * Per year of delivery, where the source gives per-year figures; empty otherwise. SIPRI's
   * per-delivery export gives them for every deal; its deal-level export only for a deal
   * delivered in a single year. In year order; for SIPRI records their TIV adds up to
   * `tiv.delivered`.
   */
  deliveries: Array<ArmsDelivery>;
  /** Where this deal and its source records say different things, each value with its source. */
  disagreements: Array<DealDisagreement>;
  /** When the transfer became public (reported, confirmed), apart from when it was agreed. */
  disclosedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Stable id, `deal:…`. */
  id: Scalars['ID']['output'];
  /** What is transferred. */
  items: Array<ArmsItem>;
  /** Who receives them. */
  recipient: Actor;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /**
   * For a register record (SIPRI) that describes a deal of another source: that deal, under
   * which lists show the transfer once. Null for the deal lists show.
   */
  sameAs?: Maybe<MilitaryDeal>;
  /** The register records (SIPRI) that describe this same transfer, each with its own figures and citation. */
  sourceRecords: Array<MilitaryDeal>;
  /** Where it stands. */
  status: DealStatus;
  /** What it is, in a sentence. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Who supplies the arms. */
  supplier: Actor;
  /** SIPRI's trend-indicator values, for deals from its register. */
  tiv?: Maybe<Tiv>;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The price, when a source gives one. Never a TIV. */
  value?: Maybe<Money>;
  /** Starts at 1 and grows by one with every change (a deletion is a change too). */
  version: Scalars['Int']['output'];
};


/**
 * A transfer of arms from a supplier to a recipient. Either side is usually a country,
 * but can be a non-state group (Hezbollah) or an international organisation (NATO).
 */
export type MilitaryDealRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of deals, newest first by date agreed. */
export type MilitaryDealConnection = {
  __typename?: 'MilitaryDealConnection';
  /** The entries of this page. */
  edges: Array<MilitaryDealEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** A deal in a list. */
export type MilitaryDealEdge = {
  __typename?: 'MilitaryDealEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The deal. */
  node: MilitaryDeal;
};

/** supplier and recipient take an ISO country code or the ID of a leader or organisation. */
export type MilitaryDealFilter = {
  /** Only deals established this well. */
  confidence?: InputMaybe<Confidence>;
  /** Only deals with an item whose designation starts with this (case and accents ignored): "Su-3" finds Su-35. */
  designation?: InputMaybe<Scalars['String']['input']>;
  /** Only deals agreed in a range overlapping this date or later. */
  from?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Also list the register records (SIPRI) that describe a deal listed already (see MilitaryDeal.sameAs). */
  includeSourceRecords?: InputMaybe<Scalars['Boolean']['input']>;
  /** Who receives: an ISO code or an actor id. */
  recipient?: InputMaybe<Scalars['String']['input']>;
  /** Recipients, as ISO codes or actor ids: deals to any of them. */
  recipients?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only deals with this status. */
  status?: InputMaybe<DealStatus>;
  /** Who supplies: an ISO code or an actor id. */
  supplier?: InputMaybe<Scalars['String']['input']>;
  /** Suppliers, as ISO codes or actor ids: deals from any of them. */
  suppliers?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only deals agreed in a range overlapping this date or earlier. */
  to?: InputMaybe<Scalars['PartialDate']['input']>;
};

/** What an editor sends to create or correct a military deal. */
export type MilitaryDealInput = {
  /** When it was agreed or ordered. */
  agreedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Whether the date of order is an estimate. */
  agreedOnUncertain?: InputMaybe<Scalars['Boolean']['input']>;
  /** Sources; absent keeps the stored ones. A new deal sent without any (or an edit that clears them) cites the editor: an editorial source naming the key's holder. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Remarks from the source. */
  comments?: InputMaybe<Scalars['String']['input']>;
  /** How well it is established; REPORTED when a new deal leaves it out. */
  confidence?: InputMaybe<Confidence>;
  /** What was delivered in each year, one entry per year (stored in year order); null clears them. */
  deliveries?: InputMaybe<Array<ArmsDeliveryInput>>;
  /** When the transfer became public. */
  disclosedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Absent: a new deal, `deal:` + date agreed, parties and first item. Present: the deal to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** What is transferred; required for a new deal. */
  items?: InputMaybe<Array<ArmsItemInput>>;
  /** Id of who receives; required for a new deal. */
  recipient?: InputMaybe<Scalars['ID']['input']>;
  /** Where it stands; required for a new deal. */
  status?: InputMaybe<DealStatus>;
  /** What it is, in a sentence. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Id of who supplies: `country:RU`, `organization:…`, `leader:…`; required for a new deal. */
  supplier?: InputMaybe<Scalars['ID']['input']>;
  /** SIPRI's trend-indicator values. */
  tiv?: InputMaybe<TivInput>;
  /** The price, when a source gives one. */
  value?: InputMaybe<MoneyInput>;
};

/** An amount of money. */
export type Money = {
  __typename?: 'Money';
  /** The amount, in units of the currency. */
  amount: Scalars['Float']['output'];
  /** ISO 4217 code */
  currency: Scalars['String']['output'];
};

/** An amount of money, as an editor sends it. */
export type MoneyInput = {
  /** The amount, in units of the currency. */
  amount: Scalars['Float']['input'];
  /** ISO 4217 code. */
  currency: Scalars['String']['input'];
};

/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Delete an event, as deleteLeader does. */
  deleteEvent: DeleteResult;
  /**
   * Delete a leader: the record stays as a revision and leaves every list. While other records
   * refer to it (a meeting's participants, a statement's speaker, …) the deletion is refused
   * with CONFLICT, saying how many refer to it and naming a few. With expectedVersion,
   * conditional as for upsertLeader. NOT_FOUND when there is no such leader.
   */
  deleteLeader: DeleteResult;
  /** Delete a meeting, as deleteLeader does. */
  deleteMeeting: DeleteResult;
  /** Delete a military deal, as deleteLeader does. */
  deleteMilitaryDeal: DeleteResult;
  /** Delete an organisation, as deleteLeader does. */
  deleteOrganization: DeleteResult;
  /** Delete a source, as deleteLeader does: refused while a fact cites it. */
  deleteSource: DeleteResult;
  /** Delete a statement, as deleteLeader does. */
  deleteStatement: DeleteResult;
  /**
   * Say that a register record (SIPRI) describes the same transfer as a deal of another
   * source: lists then show the transfer once, under `deal`. Kept over what the matching rule
   * decides at later syncs. NOT_FOUND for an unknown deal; BAD_USER_INPUT unless `sourceRecord`
   * is a register record and `deal` is not.
   */
  linkDeals: MilitaryDeal;
  /**
   * Run records through the data sync, as the scheduled sync runs a feed: each entry of
   * `lines` is one record of the feed format (a JSON object with a `type`), without the
   * header line. Records are checked one by one; bad ones are refused and the rest land.
   * Records may refer to each other in any order; a record referring to one neither stored
   * nor among the lines is refused. A record an editor deleted stays deleted (`skipped`).
   * `rejects[].line` is the position in `lines`, counting from 1. At most 500 lines.
   */
  syncRecords: SyncRun;
  /** Undo a link between a deal and a register record, and keep them apart at later syncs. */
  unlinkDeals: MilitaryDeal;
  /** Create or change an event; conditional on expectedVersion as upsertLeader is. */
  upsertEvent: Event;
  /**
   * Create or change a leader. With expectedVersion, the write happens only if the stored
   * version still equals it; otherwise the error has extensions.code CONFLICT. Without it, the
   * fields sent are applied to the stored version and written on the condition that it is
   * still stored; when another change came first, they are applied again to the newer version
   * (a few times, then CONFLICT), so concurrent changes of different fields all stay. Every
   * record the input refers to (country, roles' organisations, citations' sources) must exist:
   * otherwise BAD_USER_INPUT naming the field and the id, and nothing is written.
   */
  upsertLeader: Leader;
  /** Create or change a meeting; conditional on expectedVersion as upsertLeader is. */
  upsertMeeting: Meeting;
  /** Create or change a military deal; conditional on expectedVersion as upsertLeader is. */
  upsertMilitaryDeal: MilitaryDeal;
  /** Create or change an organisation; conditional on expectedVersion as upsertLeader is. */
  upsertOrganization: Organization;
  /** Create or change a source; conditional on expectedVersion as upsertLeader is. */
  upsertSource: Source;
  /** Create or change a statement; conditional on expectedVersion as upsertLeader is. */
  upsertStatement: Statement;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteEventArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteLeaderArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteMeetingArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteMilitaryDealArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteOrganizationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteSourceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationDeleteStatementArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationLinkDealsArgs = {
  deal: Scalars['ID']['input'];
  sourceRecord: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationSyncRecordsArgs = {
  lines: Array<Scalars['String']['input']>;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUnlinkDealsArgs = {
  deal: Scalars['ID']['input'];
  sourceRecord: Scalars['ID']['input'];
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertEventArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: EventInput;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertLeaderArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: LeaderInput;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertMeetingArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: MeetingInput;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertMilitaryDealArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: MilitaryDealInput;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertOrganizationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: OrganizationInput;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertSourceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: SourceInput;
};


/**
 * Writes need an editor's API key (`authorization: Bearer <key>`); anonymous callers and
 * readers get an error with extensions.code FORBIDDEN or UNAUTHENTICATED, and nothing changes.
 */
export type MutationUpsertStatementArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: StatementInput;
};

/** The order of a list by name. */
export type NameOrder =
  /** A to Z, by the name folded (accents and case ignored); the default. */
  | 'NAME_ASC'
  /** Z to A. */
  | 'NAME_DESC';

/** Anything with a global id, fetchable with `node(id:)`. */
export type Node = {
  /** A stable id: `leader:vladimir-putin`, `country:IR`, `deal:sipri-…`. */
  id: Scalars['ID']['output'];
};

/** An organisation: a state body, armed group, international body, news outlet or institute. */
export type Organization = Node & {
  __typename?: 'Organization';
  /** Other names and abbreviations. */
  aliases: Array<Scalars['String']['output']>;
  /** Sources for what is said of it. */
  citations: Array<Citation>;
  /** The country it belongs to or is based in. */
  country?: Maybe<Country>;
  /** Deals it supplies or receives, newest first; each transfer once unless `includeSourceRecords`. */
  deals: MilitaryDealConnection;
  /** Events it carried out or was targeted by, newest first. */
  events: EventConnection;
  /** Stable id, `organization:…`. */
  id: Scalars['ID']['output'];
  /** What sort of body it is. */
  kind: OrganizationKind;
  /** Its leaders: those who lead it or held a role in it, by name. */
  leaders: LeaderConnection;
  /** Its name. */
  name: Scalars['String']['output'];
  /** The organisation it is part of (the IRGC for the Quds Force). */
  parent?: Maybe<Organization>;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Starts at 1 and grows by one with every change (a deletion is a change too). */
  version: Scalars['Int']['output'];
};


/** An organisation: a state body, armed group, international body, news outlet or institute. */
export type OrganizationDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSourceRecords?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** An organisation: a state body, armed group, international body, news outlet or institute. */
export type OrganizationEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** An organisation: a state body, armed group, international body, news outlet or institute. */
export type OrganizationLeadersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NameOrder>;
};


/** An organisation: a state body, armed group, international body, news outlet or institute. */
export type OrganizationRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * What an editor sends to create or correct an organisation. As for every input below: without
 * `id` a new record is made (its id derived from the input); with `id` the stored record is
 * changed, absent fields keep what is stored and null clears an optional field.
 */
export type OrganizationInput = {
  /** Other names and abbreviations; absent keeps the stored ones. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Sources; absent keeps the stored ones. A new organisation sent without any (or an edit that clears them) cites the editor: an editorial source naming the key's holder. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** ISO code of the country it belongs to. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Absent: a new organisation, `organization:` + its name. Present: the organisation to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** What sort of body it is; UNKNOWN when a new organisation leaves it out. */
  kind?: InputMaybe<OrganizationKind>;
  /** Its name. */
  name: Scalars['String']['input'];
  /** Id of the organisation it is part of. */
  parent?: InputMaybe<Scalars['ID']['input']>;
};

/** What sort of body an organisation is. */
export type OrganizationKind =
  /** A state's armed force or branch of one (IRGC, Quds Force). */
  | 'ARMED_FORCE'
  /** A company. */
  | 'COMPANY'
  /** A ministry, agency or other organ of a state. */
  | 'GOVERNMENT_BODY'
  /** An international organisation or bloc (BRICS, IAEA, NATO). */
  | 'INTERNATIONAL_ORGANIZATION'
  /** A news organisation (RIA Novosti, Press TV). */
  | 'MEDIA'
  /** A non-state armed or political group (Hezbollah, Hamas). */
  | 'NON_STATE_GROUP'
  /** A research institute (Carnegie Endowment). */
  | 'THINK_TANK'
  /** A party a source could not name: SIPRI's "unknown supplier(s)". */
  | 'UNKNOWN';

/** Where a page of a connection begins and ends (Relay Cursor Connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page; on an empty page, where it began (null at the start of the list). */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether another page comes before this one: with `last`, whether more entries precede; with `after`, true. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Pass as `before` to read the page before; on an empty page, where it began. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The part a participant plays, as an editor sends it. */
export type ParticipantInput = {
  /** Id of the leader (one of the meeting's participants). */
  leader: Scalars['ID']['input'];
  /** HOST, GUEST, PARTICIPANT or DELEGATION_MEMBER (INVITED is for invitations). */
  role: ParticipantRole;
};

/** The part a leader plays in a meeting. */
export type ParticipantRole =
  /** Came as a member of a delegation. */
  | 'DELEGATION_MEMBER'
  /** Came as a visitor. */
  | 'GUEST'
  /** Received the others. */
  | 'HOST'
  /** Invited; not known to have taken part (see Meeting.invitations). */
  | 'INVITED'
  /** Took part; the source says no more. */
  | 'PARTICIPANT';

/** The questions the knowledge base answers. */
export type Query = {
  __typename?: 'Query';
  /**
   * Totals over arms transfers (number of deals, TIV of the orders, TIV delivered, numbers
   * ordered and delivered), filtered by supplier, recipient and years of order, one entry per
   * group, largest first by the total chosen. Kept up to date as deals are written, so an
   * answer reads the totals, never the deals. TIV are SIPRI trend-indicator values (millions),
   * never money; `sources` says which sources (and so which snapshot) the totals cover.
   */
  armsTransferStats: ArmsTransferStats;
  /** A country by ISO code. */
  country?: Maybe<Country>;
  /** An event by id. */
  event?: Maybe<Event>;
  /** Events, newest first. */
  events: EventConnection;
  /** A leader by id. */
  leader?: Maybe<Leader>;
  /** Leaders, by name; see LeaderFilter. */
  leaders: LeaderConnection;
  /** A meeting by id. */
  meeting?: Maybe<Meeting>;
  /** Meetings, newest first. */
  meetings: MeetingConnection;
  /** A deal by id. */
  militaryDeal?: Maybe<MilitaryDeal>;
  /** Deals, newest first by date agreed. */
  militaryDeals: MilitaryDealConnection;
  /** Anything by its id; null when there is no such thing. */
  node?: Maybe<Node>;
  /** An organisation by id. */
  organization?: Maybe<Organization>;
  /** Everything between two countries, newest first: meetings, deals, events and statements. */
  relations: TimelineConnection;
  /** Leaders, countries and organisations whose name or alias matches, best match first. */
  search: Array<SearchResult>;
  /**
   * Records of every kind whose names, aliases, places, occasions, topics, designations,
   * descriptions, summaries or quotes have a word starting with the text, best first: a name or
   * alias equal to the text, then one starting with it, then one with a later word starting with
   * it, then the same for the other fields; within each, recent facts before old ones (undated
   * records last). Case, accents and punctuation are ignored, Cyrillic is read as BGN/PCGN Latin
   * ("Путин" finds Putin), and known variant spellings find the usual one ("Hizbollah" finds
   * Hezbollah).
   */
  searchAll: SearchConnection;
  /** Statements, newest first. */
  statements: StatementConnection;
  /** Data sync runs, newest first. */
  syncRuns: SyncRunConnection;
};


/** The questions the knowledge base answers. */
export type QueryArmsTransferStatsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArmsTransferFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  groupBy: ArmsTransferGrouping;
  orderBy?: InputMaybe<ArmsTransferTotal>;
};


/** The questions the knowledge base answers. */
export type QueryCountryArgs = {
  code: Scalars['String']['input'];
};


/** The questions the knowledge base answers. */
export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


/** The questions the knowledge base answers. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** The questions the knowledge base answers. */
export type QueryLeaderArgs = {
  id: Scalars['ID']['input'];
};


/** The questions the knowledge base answers. */
export type QueryLeadersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LeaderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NameOrder>;
};


/** The questions the knowledge base answers. */
export type QueryMeetingArgs = {
  id: Scalars['ID']['input'];
};


/** The questions the knowledge base answers. */
export type QueryMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MeetingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** The questions the knowledge base answers. */
export type QueryMilitaryDealArgs = {
  id: Scalars['ID']['input'];
};


/** The questions the knowledge base answers. */
export type QueryMilitaryDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MilitaryDealFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** The questions the knowledge base answers. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The questions the knowledge base answers. */
export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


/** The questions the knowledge base answers. */
export type QueryRelationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  countries: Array<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['PartialDate']['input']>;
  includeSourceRecords?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
  to?: InputMaybe<Scalars['PartialDate']['input']>;
};


/** The questions the knowledge base answers. */
export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


/** The questions the knowledge base answers. */
export type QuerySearchAllArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<SearchKind>>;
  text: Scalars['String']['input'];
};


/** The questions the knowledge base answers. */
export type QueryStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};


/** The questions the knowledge base answers. */
export type QuerySyncRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<DateOrder>;
};

/** An earlier state of a record, kept when a change replaced it. */
export type Revision = {
  __typename?: 'Revision';
  /** Who made that version (`editor:<key name>`, `sync:<source>`); null unless the caller holds an editor key. */
  author?: Maybe<Scalars['String']['output']>;
  /** When that version was made. */
  changedAt: Scalars['DateTime']['output'];
  /**
   * Who made that version, for editor keys; `hidden` for anyone else.
   * @deprecated Use `author`: null rather than `hidden` for callers without an editor key.
   */
  changedBy: Scalars['String']['output'];
  /** Whether that version was a deletion. */
  deleted: Scalars['Boolean']['output'];
  /** The record as it was, as JSON text in the feed format. */
  record: Scalars['String']['output'];
  /** When it was replaced. */
  replacedAt: Scalars['DateTime']['output'];
  /**
   * Who replaced it, for editor keys; `hidden` for anyone else.
   * @deprecated Use `replacer`: null rather than `hidden` for callers without an editor key.
   */
  replacedBy: Scalars['String']['output'];
  /** Who replaced it; null unless the caller holds an editor key. */
  replacer?: Maybe<Scalars['String']['output']>;
  /** The version it was. */
  version: Scalars['Int']['output'];
};

/** A page of revisions, newest first. */
export type RevisionConnection = {
  __typename?: 'RevisionConnection';
  /** The entries of this page. */
  edges: Array<RevisionEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** A revision in a list. */
export type RevisionEdge = {
  __typename?: 'RevisionEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The revision. */
  node: Revision;
};

/** A position held: President of Iran, Foreign Minister of Russia, Secretary-General of Hezbollah. */
export type Role = {
  __typename?: 'Role';
  /** The state the position belongs to. */
  country?: Maybe<Country>;
  /** When it ended; absent while it is held or when not known. */
  end?: Maybe<Scalars['PartialDate']['output']>;
  /**
   * Dates on which the source shows the role held, when it does not give the start: the role
   * counts as held from the first of them (or `start`) to the last (or `end`) for `activeOn`.
   * A role with no start, end or heldOn matches no `activeOn`.
   */
  heldOn: Array<Scalars['PartialDate']['output']>;
  /** The organisation the position belongs to. */
  organization?: Maybe<Organization>;
  /** When it was taken up; absent when not known. */
  start?: Maybe<Scalars['PartialDate']['output']>;
  /** The title of the position. */
  title: Scalars['String']['output'];
};

/** A role, as an editor sends it. */
export type RoleInput = {
  /** ISO code of the state it belongs to. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** When it ended. */
  end?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Dates the source shows the role held, when it does not give the start. */
  heldOn?: InputMaybe<Array<Scalars['PartialDate']['input']>>;
  /** Id of the organisation it belongs to. */
  organization?: InputMaybe<Scalars['ID']['input']>;
  /** When it was taken up. */
  start?: InputMaybe<Scalars['PartialDate']['input']>;
  /** The title of the position. */
  title: Scalars['String']['input'];
};

/** A page of search results, best first. */
export type SearchConnection = {
  __typename?: 'SearchConnection';
  /** The entries of this page. */
  edges: Array<SearchEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** A result of `searchAll`, with what matched. */
export type SearchEdge = {
  __typename?: 'SearchEdge';
  /** Where this result stands in the search. */
  cursor: Scalars['String']['output'];
  /** The field that matched best. */
  field: SearchField;
  /** The words of that field that matched, folded (lower case, no accents), as indexed. */
  matched: Scalars['String']['output'];
  /** The record found. */
  node: SearchHit;
};

/** The field of a record a search matched. */
export type SearchField =
  /** An alias, or a known variant spelling of the name. */
  | 'ALIAS'
  /** The description of a weapon in a deal. */
  | 'DESCRIPTION'
  /** The designation of a weapon in a deal. */
  | 'DESIGNATION'
  /** The name of a leader, country or organisation. */
  | 'NAME'
  /** The occasion of a meeting. */
  | 'OCCASION'
  /** The city of a meeting or event. */
  | 'PLACE'
  /** The words of a statement. */
  | 'QUOTE'
  /** The summary of an event. */
  | 'SUMMARY'
  /** A topic of a meeting. */
  | 'TOPIC';

/** A result of `searchAll`. */
export type SearchHit = Country | Event | Leader | Meeting | MilitaryDeal | Organization | Statement;

/** Kinds of record `searchAll` finds. */
export type SearchKind =
  /** Countries, by name or alias. */
  | 'COUNTRY'
  /** Events, by the words of their summary or their place. */
  | 'EVENT'
  /** Leaders, by name or alias. */
  | 'LEADER'
  /** Meetings, by occasion, place or topic. */
  | 'MEETING'
  /** Military deals, by designation or description of what is transferred. */
  | 'MILITARY_DEAL'
  /** Organisations, by name or alias. */
  | 'ORGANIZATION'
  /** Statements, by the words of the quote. */
  | 'STATEMENT';

/** A result of `search`. */
export type SearchResult = Country | Leader | Organization;

/** A document that facts are drawn from: an article, a dataset, a press release. */
export type Source = Node & {
  __typename?: 'Source';
  /** Stable id of the source. */
  id: Scalars['ID']['output'];
  /** When it was published. */
  publishedOn?: Maybe<Scalars['PartialDate']['output']>;
  /** Who published it, when known. */
  publisher?: Maybe<Scalars['String']['output']>;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /** Its title. */
  title: Scalars['String']['output'];
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where it can be read, when public. */
  url?: Maybe<Scalars['String']['output']>;
  /** Starts at 1 and grows by one with every change (a deletion is a change too). */
  version: Scalars['Int']['output'];
};


/** A document that facts are drawn from: an article, a dataset, a press release. */
export type SourceRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** What an editor sends to create or correct a source. */
export type SourceInput = {
  /** Absent: a new source, `source:` + its title. Present: the source to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** When it was published. */
  publishedOn?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Who published it. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** Its title. */
  title: Scalars['String']['input'];
  /** Where it can be read: an http(s) address. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Something a leader said, quoted verbatim. */
export type Statement = Node & {
  __typename?: 'Statement';
  /** Sources for the statement. */
  citations: Array<Citation>;
  /** The states it is between or about. */
  countries: Array<Country>;
  /** When it was said. */
  date: Scalars['PartialDate']['output'];
  /** Stable id, `statement:…`. */
  id: Scalars['ID']['output'];
  /** Where it was said (Laos, for Lavrov's press conference of 11 October 2024). */
  location?: Maybe<Location>;
  /** The meeting it was said at. */
  meeting?: Maybe<Meeting>;
  /** The words, verbatim. */
  quote: Scalars['String']['output'];
  /** Who carried the statement, as the source names it: 'RIA Novosti', 'Press TV'. */
  reportedBy?: Maybe<Scalars['String']['output']>;
  /** Who carried the statement, as a record, when it is one. */
  reporter?: Maybe<Organization>;
  /** Earlier versions of the record, newest first: each change keeps the state it replaced. */
  revisions: RevisionConnection;
  /** Who said it (the first of them, when the source gives the words to several: see speakers). */
  speaker: Leader;
  /** Everyone the source gives the words to: one, or several when it says "they". */
  speakers: Array<Leader>;
  /** When the record last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Starts at 1 and grows by one with every change (a deletion is a change too). */
  version: Scalars['Int']['output'];
};


/** Something a leader said, quoted verbatim. */
export type StatementRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of statements, newest first. */
export type StatementConnection = {
  __typename?: 'StatementConnection';
  /** The entries of this page. */
  edges: Array<StatementEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** A statement in a list. */
export type StatementEdge = {
  __typename?: 'StatementEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The statement. */
  node: Statement;
};

/** Which statements to list; the conditions given all hold. */
export type StatementFilter = {
  /** ISO codes of states the statement is between or about: any of them. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only statements made on this date or later. */
  from?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Id of the meeting it was said at. */
  meeting?: InputMaybe<Scalars['ID']['input']>;
  /** ISO code (or `country:` id) of the country where it was said. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** Who carried it: the name `reportedBy` gives (case and accents ignored, "RIA Novosti"), or the organisation's id (`organization:ria-novosti`). */
  reportedBy?: InputMaybe<Scalars['String']['input']>;
  /** Id of the leader who spoke. */
  speaker?: InputMaybe<Scalars['ID']['input']>;
  /** Only statements made on this date or earlier. */
  to?: InputMaybe<Scalars['PartialDate']['input']>;
};

/** What an editor sends to create or correct a statement. */
export type StatementInput = {
  /** Sources; absent keeps the stored ones. A new statement sent without any (or an edit that clears them) cites the editor: an editorial source naming the key's holder. */
  citations?: InputMaybe<Array<CitationInput>>;
  /** Ids of others the source gives the words to. */
  coSpeakers?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** ISO codes of the states it is between or about. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When it was said. */
  date?: InputMaybe<Scalars['PartialDate']['input']>;
  /** Absent: a new statement, `statement:` + date, speaker and quote. Present: the statement to change. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Where it was said. */
  location?: InputMaybe<LocationInput>;
  /** Id of the meeting it was said at. */
  meeting?: InputMaybe<Scalars['ID']['input']>;
  /** The words, verbatim; required for a new statement. */
  quote?: InputMaybe<Scalars['String']['input']>;
  /** Who carried the statement. */
  reportedBy?: InputMaybe<Scalars['String']['input']>;
  /** Id of the organisation that carried it. */
  reporter?: InputMaybe<Scalars['ID']['input']>;
  /** Id of the leader who said it; required for a new statement. */
  speaker?: InputMaybe<Scalars['ID']['input']>;
};

/** A record the sync refused. */
export type SyncReject = {
  __typename?: 'SyncReject';
  /** Line (or record) number where the record starts. */
  line: Scalars['Int']['output'];
  /** Why it was refused. */
  message: Scalars['String']['output'];
};

/** One run of the data sync: what it read, what it changed, what it refused. */
export type SyncRun = Node & {
  __typename?: 'SyncRun';
  /** Records that were new. */
  created: Scalars['Int']['output'];
  /**
   * When the run must have ended by. A run cut short (a timeout, a crash) cannot say so itself:
   * once this time has passed it reads as FAILED with an error saying it was interrupted.
   */
  deadline?: Maybe<Scalars['DateTime']['output']>;
  /** Why the run failed, when it did, in the gateway's words (never the database's). */
  error?: Maybe<Scalars['String']['output']>;
  /** When it ended; null while it runs. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The format read: feed or sipri. */
  format: Scalars['String']['output'];
  /** Stable id, `syncrun:…`. */
  id: Scalars['ID']['output'];
  /** Records read. created + updated + unchanged + skipped + stale + rejected = read. */
  read: Scalars['Int']['output'];
  /** Records refused; nothing of them was written. */
  rejected: Scalars['Int']['output'];
  /** The first rejects, each with the line or record number and the reason. */
  rejects: Array<SyncReject>;
  /** Records an editor had deleted: left deleted, not written again. */
  skipped: Scalars['Int']['output'];
  /** Where the records came from: a file name, an s3:// or https:// address. */
  source: Scalars['String']['output'];
  /** Records older than the stored ones (their source's snapshot was taken before the stored record's): not written. */
  stale: Scalars['Int']['output'];
  /** When the run started. */
  startedAt: Scalars['DateTime']['output'];
  /** Who started it: `editor:<key name>`, `sync` (the schedule) or a local tool; null unless the caller holds an editor key. */
  startedBy?: Maybe<Scalars['String']['output']>;
  /** Whether it runs, succeeded or failed. */
  status: SyncStatus;
  /** Records equal to what was stored: no write. */
  unchanged: Scalars['Int']['output'];
  /** Records that changed something stored. */
  updated: Scalars['Int']['output'];
};

/** A page of sync runs, newest first. */
export type SyncRunConnection = {
  __typename?: 'SyncRunConnection';
  /** The entries of this page. */
  edges: Array<SyncRunEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** A sync run in a list. */
export type SyncRunEdge = {
  __typename?: 'SyncRunEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The run. */
  node: SyncRun;
};

/** How a sync run ended. */
export type SyncStatus =
  /** The source could not be read to the end, or the run was interrupted (see `error`). */
  | 'FAILED'
  /** Still running, before its deadline. */
  | 'RUNNING'
  /** Every readable record was processed; some may have been refused. */
  | 'SUCCEEDED';

/** A page of a bilateral timeline, newest first. */
export type TimelineConnection = {
  __typename?: 'TimelineConnection';
  /** The entries of this page. */
  edges: Array<TimelineEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many entries the whole list has, with its filter: exact, whatever the page. */
  totalCount: Scalars['Int']['output'];
};

/** An entry of a bilateral timeline. */
export type TimelineEdge = {
  __typename?: 'TimelineEdge';
  /** Where this entry stands in the list. */
  cursor: Scalars['String']['output'];
  /** The meeting, deal, event or statement. */
  node: TimelineItem;
};

/** An entry of a bilateral timeline. */
export type TimelineItem = Event | Meeting | MilitaryDeal | Statement;

/** SIPRI trend-indicator values, in millions of TIV: a measure of military capability transferred, not a price. */
export type Tiv = {
  __typename?: 'Tiv';
  /** TIV of what has been delivered. */
  delivered?: Maybe<Scalars['Float']['output']>;
  /** TIV of one unit. */
  perUnit?: Maybe<Scalars['Float']['output']>;
  /** TIV of the whole order. */
  total?: Maybe<Scalars['Float']['output']>;
};

/** SIPRI trend-indicator values, as an editor sends them. */
export type TivInput = {
  /** TIV of what has been delivered. */
  delivered?: InputMaybe<Scalars['Float']['input']>;
  /** TIV of one unit. */
  perUnit?: InputMaybe<Scalars['Float']['input']>;
  /** TIV of the whole order. */
  total?: InputMaybe<Scalars['Float']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  Actor:
    | ( CountryModel )
    | ( LeaderModel )
    | ( OrganizationModel )
  ;
  SearchHit:
    | ( CountryModel )
    | ( EventModel )
    | ( LeaderModel )
    | ( MeetingModel )
    | ( MilitaryDealModel )
    | ( OrganizationModel )
    | ( StatementModel )
  ;
  SearchResult:
    | ( CountryModel )
    | ( LeaderModel )
    | ( OrganizationModel )
  ;
  TimelineItem:
    | ( EventModel )
    | ( MeetingModel )
    | ( MilitaryDealModel )
    | ( StatementModel )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( CountryModel )
    | ( EventModel )
    | ( LeaderModel )
    | ( MeetingModel )
    | ( MilitaryDealModel )
    | ( OrganizationModel )
    | ( SourceModel )
    | ( StatementModel )
    | ( SyncRunModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Actor: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Actor']>;
  ArmsDelivery: ResolverTypeWrapper<ArmsDeliveryModel>;
  ArmsDeliveryInput: ArmsDeliveryInput;
  ArmsItem: ResolverTypeWrapper<ArmsItemModel>;
  ArmsItemInput: ArmsItemInput;
  ArmsTransferFilter: ArmsTransferFilter;
  ArmsTransferGroup: ResolverTypeWrapper<Omit<ArmsTransferGroup, 'party'> & { party?: Maybe<ResolversTypes['Actor']> }>;
  ArmsTransferGroupEdge: ResolverTypeWrapper<Omit<ArmsTransferGroupEdge, 'node'> & { node: ResolversTypes['ArmsTransferGroup'] }>;
  ArmsTransferGrouping: ArmsTransferGrouping;
  ArmsTransferSourceCount: ResolverTypeWrapper<Omit<ArmsTransferSourceCount, 'source'> & { source: ResolversTypes['Source'] }>;
  ArmsTransferStats: ResolverTypeWrapper<Omit<ArmsTransferStats, 'edges' | 'sources'> & { edges: Array<ResolversTypes['ArmsTransferGroupEdge']>, sources: Array<ResolversTypes['ArmsTransferSourceCount']> }>;
  ArmsTransferTotal: ArmsTransferTotal;
  ArmsTransferTotals: ResolverTypeWrapper<ArmsTransferTotals>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  Citation: ResolverTypeWrapper<CitationModel>;
  CitationInput: CitationInput;
  Confidence: Confidence;
  Country: ResolverTypeWrapper<CountryModel>;
  DateOrder: DateOrder;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DealDisagreement: ResolverTypeWrapper<DealDisagreementModel>;
  DealFigure: ResolverTypeWrapper<DealFigureModel>;
  DealStatus: DealStatus;
  Delegation: ResolverTypeWrapper<DelegationModel>;
  DelegationInput: DelegationInput;
  DeleteResult: ResolverTypeWrapper<DeleteResult>;
  Event: ResolverTypeWrapper<EventModel>;
  EventConnection: ResolverTypeWrapper<Omit<EventConnection, 'edges'> & { edges: Array<ResolversTypes['EventEdge']> }>;
  EventEdge: ResolverTypeWrapper<Omit<EventEdge, 'node'> & { node: ResolversTypes['Event'] }>;
  EventFilter: EventFilter;
  EventInput: EventInput;
  EventLink: ResolverTypeWrapper<EventLinkModel>;
  EventLinkInput: EventLinkInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Invitation: ResolverTypeWrapper<InvitationModel>;
  InvitationInput: InvitationInput;
  InvitationStatus: InvitationStatus;
  Leader: ResolverTypeWrapper<LeaderModel>;
  LeaderConnection: ResolverTypeWrapper<Omit<LeaderConnection, 'edges'> & { edges: Array<ResolversTypes['LeaderEdge']> }>;
  LeaderEdge: ResolverTypeWrapper<Omit<LeaderEdge, 'node'> & { node: ResolversTypes['Leader'] }>;
  LeaderFilter: LeaderFilter;
  LeaderInput: LeaderInput;
  Location: ResolverTypeWrapper<LocationModel>;
  LocationInput: LocationInput;
  Meeting: ResolverTypeWrapper<MeetingModel>;
  MeetingAttendee: ResolverTypeWrapper<MeetingAttendeeModel>;
  MeetingConnection: ResolverTypeWrapper<Omit<MeetingConnection, 'edges'> & { edges: Array<ResolversTypes['MeetingEdge']> }>;
  MeetingEdge: ResolverTypeWrapper<Omit<MeetingEdge, 'node'> & { node: ResolversTypes['Meeting'] }>;
  MeetingFilter: MeetingFilter;
  MeetingInput: MeetingInput;
  MeetingStatus: MeetingStatus;
  MilitaryDeal: ResolverTypeWrapper<MilitaryDealModel>;
  MilitaryDealConnection: ResolverTypeWrapper<Omit<MilitaryDealConnection, 'edges'> & { edges: Array<ResolversTypes['MilitaryDealEdge']> }>;
  MilitaryDealEdge: ResolverTypeWrapper<Omit<MilitaryDealEdge, 'node'> & { node: ResolversTypes['MilitaryDeal'] }>;
  MilitaryDealFilter: MilitaryDealFilter;
  MilitaryDealInput: MilitaryDealInput;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NameOrder: NameOrder;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  Organization: ResolverTypeWrapper<OrganizationModel>;
  OrganizationInput: OrganizationInput;
  OrganizationKind: OrganizationKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartialDate: ResolverTypeWrapper<Scalars['PartialDate']['output']>;
  ParticipantInput: ParticipantInput;
  ParticipantRole: ParticipantRole;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Revision: ResolverTypeWrapper<Revision>;
  RevisionConnection: ResolverTypeWrapper<RevisionConnection>;
  RevisionEdge: ResolverTypeWrapper<RevisionEdge>;
  Role: ResolverTypeWrapper<RoleModel>;
  RoleInput: RoleInput;
  SearchConnection: ResolverTypeWrapper<Omit<SearchConnection, 'edges'> & { edges: Array<ResolversTypes['SearchEdge']> }>;
  SearchEdge: ResolverTypeWrapper<Omit<SearchEdge, 'node'> & { node: ResolversTypes['SearchHit'] }>;
  SearchField: SearchField;
  SearchHit: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SearchHit']>;
  SearchKind: SearchKind;
  SearchResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SearchResult']>;
  Source: ResolverTypeWrapper<SourceModel>;
  SourceInput: SourceInput;
  Statement: ResolverTypeWrapper<StatementModel>;
  StatementConnection: ResolverTypeWrapper<Omit<StatementConnection, 'edges'> & { edges: Array<ResolversTypes['StatementEdge']> }>;
  StatementEdge: ResolverTypeWrapper<Omit<StatementEdge, 'node'> & { node: ResolversTypes['Statement'] }>;
  StatementFilter: StatementFilter;
  StatementInput: StatementInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SyncReject: ResolverTypeWrapper<SyncReject>;
  SyncRun: ResolverTypeWrapper<SyncRunModel>;
  SyncRunConnection: ResolverTypeWrapper<Omit<SyncRunConnection, 'edges'> & { edges: Array<ResolversTypes['SyncRunEdge']> }>;
  SyncRunEdge: ResolverTypeWrapper<Omit<SyncRunEdge, 'node'> & { node: ResolversTypes['SyncRun'] }>;
  SyncStatus: SyncStatus;
  TimelineConnection: ResolverTypeWrapper<Omit<TimelineConnection, 'edges'> & { edges: Array<ResolversTypes['TimelineEdge']> }>;
  TimelineEdge: ResolverTypeWrapper<Omit<TimelineEdge, 'node'> & { node: ResolversTypes['TimelineItem'] }>;
  TimelineItem: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['TimelineItem']>;
  Tiv: ResolverTypeWrapper<Tiv>;
  TivInput: TivInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: ResolversUnionTypes<ResolversParentTypes>['Actor'];
  ArmsDelivery: ArmsDeliveryModel;
  ArmsDeliveryInput: ArmsDeliveryInput;
  ArmsItem: ArmsItemModel;
  ArmsItemInput: ArmsItemInput;
  ArmsTransferFilter: ArmsTransferFilter;
  ArmsTransferGroup: Omit<ArmsTransferGroup, 'party'> & { party?: Maybe<ResolversParentTypes['Actor']> };
  ArmsTransferGroupEdge: Omit<ArmsTransferGroupEdge, 'node'> & { node: ResolversParentTypes['ArmsTransferGroup'] };
  ArmsTransferSourceCount: Omit<ArmsTransferSourceCount, 'source'> & { source: ResolversParentTypes['Source'] };
  ArmsTransferStats: Omit<ArmsTransferStats, 'edges' | 'sources'> & { edges: Array<ResolversParentTypes['ArmsTransferGroupEdge']>, sources: Array<ResolversParentTypes['ArmsTransferSourceCount']> };
  ArmsTransferTotals: ArmsTransferTotals;
  Boolean: Scalars['Boolean']['output'];
  Citation: CitationModel;
  CitationInput: CitationInput;
  Country: CountryModel;
  DateTime: Scalars['DateTime']['output'];
  DealDisagreement: DealDisagreementModel;
  DealFigure: DealFigureModel;
  Delegation: DelegationModel;
  DelegationInput: DelegationInput;
  DeleteResult: DeleteResult;
  Event: EventModel;
  EventConnection: Omit<EventConnection, 'edges'> & { edges: Array<ResolversParentTypes['EventEdge']> };
  EventEdge: Omit<EventEdge, 'node'> & { node: ResolversParentTypes['Event'] };
  EventFilter: EventFilter;
  EventInput: EventInput;
  EventLink: EventLinkModel;
  EventLinkInput: EventLinkInput;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Invitation: InvitationModel;
  InvitationInput: InvitationInput;
  Leader: LeaderModel;
  LeaderConnection: Omit<LeaderConnection, 'edges'> & { edges: Array<ResolversParentTypes['LeaderEdge']> };
  LeaderEdge: Omit<LeaderEdge, 'node'> & { node: ResolversParentTypes['Leader'] };
  LeaderFilter: LeaderFilter;
  LeaderInput: LeaderInput;
  Location: LocationModel;
  LocationInput: LocationInput;
  Meeting: MeetingModel;
  MeetingAttendee: MeetingAttendeeModel;
  MeetingConnection: Omit<MeetingConnection, 'edges'> & { edges: Array<ResolversParentTypes['MeetingEdge']> };
  MeetingEdge: Omit<MeetingEdge, 'node'> & { node: ResolversParentTypes['Meeting'] };
  MeetingFilter: MeetingFilter;
  MeetingInput: MeetingInput;
  MilitaryDeal: MilitaryDealModel;
  MilitaryDealConnection: Omit<MilitaryDealConnection, 'edges'> & { edges: Array<ResolversParentTypes['MilitaryDealEdge']> };
  MilitaryDealEdge: Omit<MilitaryDealEdge, 'node'> & { node: ResolversParentTypes['MilitaryDeal'] };
  MilitaryDealFilter: MilitaryDealFilter;
  MilitaryDealInput: MilitaryDealInput;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  Organization: OrganizationModel;
  OrganizationInput: OrganizationInput;
  PageInfo: PageInfo;
  PartialDate: Scalars['PartialDate']['output'];
  ParticipantInput: ParticipantInput;
  Query: Record<PropertyKey, never>;
  Revision: Revision;
  RevisionConnection: RevisionConnection;
  RevisionEdge: RevisionEdge;
  Role: RoleModel;
  RoleInput: RoleInput;
  SearchConnection: Omit<SearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['SearchEdge']> };
  SearchEdge: Omit<SearchEdge, 'node'> & { node: ResolversParentTypes['SearchHit'] };
  SearchHit: ResolversUnionTypes<ResolversParentTypes>['SearchHit'];
  SearchResult: ResolversUnionTypes<ResolversParentTypes>['SearchResult'];
  Source: SourceModel;
  SourceInput: SourceInput;
  Statement: StatementModel;
  StatementConnection: Omit<StatementConnection, 'edges'> & { edges: Array<ResolversParentTypes['StatementEdge']> };
  StatementEdge: Omit<StatementEdge, 'node'> & { node: ResolversParentTypes['Statement'] };
  StatementFilter: StatementFilter;
  StatementInput: StatementInput;
  String: Scalars['String']['output'];
  SyncReject: SyncReject;
  SyncRun: SyncRunModel;
  SyncRunConnection: Omit<SyncRunConnection, 'edges'> & { edges: Array<ResolversParentTypes['SyncRunEdge']> };
  SyncRunEdge: Omit<SyncRunEdge, 'node'> & { node: ResolversParentTypes['SyncRun'] };
  TimelineConnection: Omit<TimelineConnection, 'edges'> & { edges: Array<ResolversParentTypes['TimelineEdge']> };
  TimelineEdge: Omit<TimelineEdge, 'node'> & { node: ResolversParentTypes['TimelineItem'] };
  TimelineItem: ResolversUnionTypes<ResolversParentTypes>['TimelineItem'];
  Tiv: Tiv;
  TivInput: TivInput;
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  __resolveType: TypeResolveFn<'Country' | 'Leader' | 'Organization', ParentType, ContextType>;
};

export type ArmsDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsDelivery'] = ResolversParentTypes['ArmsDelivery']> = {
  delivered?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  estimate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tiv?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ArmsItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsItem'] = ResolversParentTypes['ArmsItem']> = {
  condition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  delivered?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deliveredUncertain?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deliveryYears?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  designation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quantityNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quantityUncertain?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['DealStatus']>, ParentType, ContextType>;
};

export type ArmsTransferGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsTransferGroup'] = ResolversParentTypes['ArmsTransferGroup']> = {
  deliveryYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  orderYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  party?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['ArmsTransferTotals'], ParentType, ContextType>;
};

export type ArmsTransferGroupEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsTransferGroupEdge'] = ResolversParentTypes['ArmsTransferGroupEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ArmsTransferGroup'], ParentType, ContextType>;
};

export type ArmsTransferSourceCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsTransferSourceCount'] = ResolversParentTypes['ArmsTransferSourceCount']> = {
  deals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
};

export type ArmsTransferStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsTransferStats'] = ResolversParentTypes['ArmsTransferStats']> = {
  edges?: Resolver<Array<ResolversTypes['ArmsTransferGroupEdge']>, ParentType, ContextType>;
  groupCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['ArmsTransferSourceCount']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['ArmsTransferTotals'], ParentType, ContextType>;
};

export type ArmsTransferTotalsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArmsTransferTotals'] = ResolversParentTypes['ArmsTransferTotals']> = {
  deals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  numberDelivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  numberOrdered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tivDelivered?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tivOrdered?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = {
  excerpt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
};

export type CountryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Country'] = ResolversParentTypes['Country']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deals?: Resolver<ResolversTypes['MilitaryDealConnection'], ParentType, ContextType, RequireFields<CountryDealsArgs, 'includeSourceRecords'>>;
  former?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leaders?: Resolver<ResolversTypes['LeaderConnection'], ParentType, ContextType, Partial<CountryLeadersArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DealDisagreementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DealDisagreement'] = ResolversParentTypes['DealDisagreement']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['DealFigure']>, ParentType, ContextType>;
};

export type DealFigureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DealFigure'] = ResolversParentTypes['DealFigure']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  deal?: Resolver<ResolversTypes['MilitaryDeal'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DelegationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Delegation'] = ResolversParentTypes['Delegation']> = {
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  representing?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DeleteResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteResult'] = ResolversParentTypes['DeleteResult']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  actors?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Confidence'], ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['Country']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['PartialDate'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  respondedToBy?: Resolver<Array<ResolversTypes['EventLink']>, ParentType, ContextType>;
  respondsTo?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  respondsToLinks?: Resolver<Array<ResolversTypes['EventLink']>, ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<EventRevisionsArgs>>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  unnamedTargets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
};

export type EventLinkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventLink'] = ResolversParentTypes['EventLink']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  claimedBy?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Confidence'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
};

export type InvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  extendedAt?: Resolver<Maybe<ResolversTypes['Meeting']>, ParentType, ContextType>;
  extendedOn?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  invitedBy?: Resolver<Maybe<ResolversTypes['Leader']>, ParentType, ContextType>;
  invitee?: Resolver<ResolversTypes['Leader'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type LeaderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Leader'] = ResolversParentTypes['Leader']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  meetings?: Resolver<ResolversTypes['MeetingConnection'], ParentType, ContextType, Partial<LeaderMeetingsArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<LeaderRevisionsArgs>>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  statements?: Resolver<ResolversTypes['StatementConnection'], ParentType, ContextType, Partial<LeaderStatementsArgs>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LeaderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderConnection'] = ResolversParentTypes['LeaderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LeaderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LeaderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeaderEdge'] = ResolversParentTypes['LeaderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Leader'], ParentType, ContextType>;
};

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
};

export type MeetingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Meeting'] = ResolversParentTypes['Meeting']> = {
  attendees?: Resolver<Array<ResolversTypes['MeetingAttendee']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['Country']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['PartialDate'], ParentType, ContextType>;
  delegations?: Resolver<Array<ResolversTypes['Delegation']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  occasion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Leader']>, ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<MeetingRevisionsArgs>>;
  statements?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MeetingStatus'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MeetingAttendeeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MeetingAttendee'] = ResolversParentTypes['MeetingAttendee']> = {
  leader?: Resolver<ResolversTypes['Leader'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ParticipantRole'], ParentType, ContextType>;
};

export type MeetingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MeetingConnection'] = ResolversParentTypes['MeetingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MeetingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MeetingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MeetingEdge'] = ResolversParentTypes['MeetingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType>;
};

export type MilitaryDealResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MilitaryDeal'] = ResolversParentTypes['MilitaryDeal']> = {
  agreedOn?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  agreedOnUncertain?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  comments?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Confidence'], ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['ArmsDelivery']>, ParentType, ContextType>;
  disagreements?: Resolver<Array<ResolversTypes['DealDisagreement']>, ParentType, ContextType>;
  disclosedOn?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ArmsItem']>, ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<MilitaryDealRevisionsArgs>>;
  sameAs?: Resolver<Maybe<ResolversTypes['MilitaryDeal']>, ParentType, ContextType>;
  sourceRecords?: Resolver<Array<ResolversTypes['MilitaryDeal']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DealStatus'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supplier?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  tiv?: Resolver<Maybe<ResolversTypes['Tiv']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MilitaryDealConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MilitaryDealConnection'] = ResolversParentTypes['MilitaryDealConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MilitaryDealEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MilitaryDealEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MilitaryDealEdge'] = ResolversParentTypes['MilitaryDealEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MilitaryDeal'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  deleteEvent?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteEventArgs, 'id'>>;
  deleteLeader?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteLeaderArgs, 'id'>>;
  deleteMeeting?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteMeetingArgs, 'id'>>;
  deleteMilitaryDeal?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteMilitaryDealArgs, 'id'>>;
  deleteOrganization?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteOrganizationArgs, 'id'>>;
  deleteSource?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteSourceArgs, 'id'>>;
  deleteStatement?: Resolver<ResolversTypes['DeleteResult'], ParentType, ContextType, RequireFields<MutationDeleteStatementArgs, 'id'>>;
  linkDeals?: Resolver<ResolversTypes['MilitaryDeal'], ParentType, ContextType, RequireFields<MutationLinkDealsArgs, 'deal' | 'sourceRecord'>>;
  syncRecords?: Resolver<ResolversTypes['SyncRun'], ParentType, ContextType, RequireFields<MutationSyncRecordsArgs, 'lines'>>;
  unlinkDeals?: Resolver<ResolversTypes['MilitaryDeal'], ParentType, ContextType, RequireFields<MutationUnlinkDealsArgs, 'deal' | 'sourceRecord'>>;
  upsertEvent?: Resolver<ResolversTypes['Event'], ParentType, ContextType, RequireFields<MutationUpsertEventArgs, 'input'>>;
  upsertLeader?: Resolver<ResolversTypes['Leader'], ParentType, ContextType, RequireFields<MutationUpsertLeaderArgs, 'input'>>;
  upsertMeeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationUpsertMeetingArgs, 'input'>>;
  upsertMilitaryDeal?: Resolver<ResolversTypes['MilitaryDeal'], ParentType, ContextType, RequireFields<MutationUpsertMilitaryDealArgs, 'input'>>;
  upsertOrganization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType, RequireFields<MutationUpsertOrganizationArgs, 'input'>>;
  upsertSource?: Resolver<ResolversTypes['Source'], ParentType, ContextType, RequireFields<MutationUpsertSourceArgs, 'input'>>;
  upsertStatement?: Resolver<ResolversTypes['Statement'], ParentType, ContextType, RequireFields<MutationUpsertStatementArgs, 'input'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Country' | 'Event' | 'Leader' | 'Meeting' | 'MilitaryDeal' | 'Organization' | 'Source' | 'Statement' | 'SyncRun', ParentType, ContextType>;
};

export type OrganizationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  deals?: Resolver<ResolversTypes['MilitaryDealConnection'], ParentType, ContextType, RequireFields<OrganizationDealsArgs, 'includeSourceRecords'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<OrganizationEventsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrganizationKind'], ParentType, ContextType>;
  leaders?: Resolver<ResolversTypes['LeaderConnection'], ParentType, ContextType, Partial<OrganizationLeadersArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<OrganizationRevisionsArgs>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface PartialDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PartialDate'], any> {
  name: 'PartialDate';
}

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  armsTransferStats?: Resolver<ResolversTypes['ArmsTransferStats'], ParentType, ContextType, RequireFields<QueryArmsTransferStatsArgs, 'groupBy'>>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType, RequireFields<QueryCountryArgs, 'code'>>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventArgs, 'id'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<QueryEventsArgs>>;
  leader?: Resolver<Maybe<ResolversTypes['Leader']>, ParentType, ContextType, RequireFields<QueryLeaderArgs, 'id'>>;
  leaders?: Resolver<ResolversTypes['LeaderConnection'], ParentType, ContextType, Partial<QueryLeadersArgs>>;
  meeting?: Resolver<Maybe<ResolversTypes['Meeting']>, ParentType, ContextType, RequireFields<QueryMeetingArgs, 'id'>>;
  meetings?: Resolver<ResolversTypes['MeetingConnection'], ParentType, ContextType, Partial<QueryMeetingsArgs>>;
  militaryDeal?: Resolver<Maybe<ResolversTypes['MilitaryDeal']>, ParentType, ContextType, RequireFields<QueryMilitaryDealArgs, 'id'>>;
  militaryDeals?: Resolver<ResolversTypes['MilitaryDealConnection'], ParentType, ContextType, Partial<QueryMilitaryDealsArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'id'>>;
  relations?: Resolver<ResolversTypes['TimelineConnection'], ParentType, ContextType, RequireFields<QueryRelationsArgs, 'countries' | 'includeSourceRecords'>>;
  search?: Resolver<Array<ResolversTypes['SearchResult']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'text'>>;
  searchAll?: Resolver<ResolversTypes['SearchConnection'], ParentType, ContextType, RequireFields<QuerySearchAllArgs, 'text'>>;
  statements?: Resolver<ResolversTypes['StatementConnection'], ParentType, ContextType, Partial<QueryStatementsArgs>>;
  syncRuns?: Resolver<ResolversTypes['SyncRunConnection'], ParentType, ContextType, Partial<QuerySyncRunsArgs>>;
};

export type RevisionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Revision'] = ResolversParentTypes['Revision']> = {
  author?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  record?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replacedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  replacedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replacer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RevisionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevisionConnection'] = ResolversParentTypes['RevisionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RevisionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RevisionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevisionEdge'] = ResolversParentTypes['RevisionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Revision'], ParentType, ContextType>;
};

export type RoleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Role'] = ResolversParentTypes['Role']> = {
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  heldOn?: Resolver<Array<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchConnection'] = ResolversParentTypes['SearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SearchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchEdge'] = ResolversParentTypes['SearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['SearchField'], ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SearchHit'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  __resolveType: TypeResolveFn<'Country' | 'Event' | 'Leader' | 'Meeting' | 'MilitaryDeal' | 'Organization' | 'Statement', ParentType, ContextType>;
};

export type SearchResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchResult'] = ResolversParentTypes['SearchResult']> = {
  __resolveType: TypeResolveFn<'Country' | 'Leader' | 'Organization', ParentType, ContextType>;
};

export type SourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<SourceRevisionsArgs>>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Statement'] = ResolversParentTypes['Statement']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['Country']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['PartialDate'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  meeting?: Resolver<Maybe<ResolversTypes['Meeting']>, ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reportedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reporter?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  revisions?: Resolver<ResolversTypes['RevisionConnection'], ParentType, ContextType, Partial<StatementRevisionsArgs>>;
  speaker?: Resolver<ResolversTypes['Leader'], ParentType, ContextType>;
  speakers?: Resolver<Array<ResolversTypes['Leader']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatementConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatementConnection'] = ResolversParentTypes['StatementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StatementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StatementEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatementEdge'] = ResolversParentTypes['StatementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Statement'], ParentType, ContextType>;
};

export type SyncRejectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SyncReject'] = ResolversParentTypes['SyncReject']> = {
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SyncRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SyncRun'] = ResolversParentTypes['SyncRun']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejects?: Resolver<Array<ResolversTypes['SyncReject']>, ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SyncStatus'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SyncRunConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SyncRunConnection'] = ResolversParentTypes['SyncRunConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SyncRunEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SyncRunEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SyncRunEdge'] = ResolversParentTypes['SyncRunEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SyncRun'], ParentType, ContextType>;
};

export type TimelineConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineConnection'] = ResolversParentTypes['TimelineConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TimelineEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TimelineEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEdge'] = ResolversParentTypes['TimelineEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TimelineItem'], ParentType, ContextType>;
};

export type TimelineItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineItem'] = ResolversParentTypes['TimelineItem']> = {
  __resolveType: TypeResolveFn<'Event' | 'Meeting' | 'MilitaryDeal' | 'Statement', ParentType, ContextType>;
};

export type TivResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Tiv'] = ResolversParentTypes['Tiv']> = {
  delivered?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  perUnit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Actor?: ActorResolvers<ContextType>;
  ArmsDelivery?: ArmsDeliveryResolvers<ContextType>;
  ArmsItem?: ArmsItemResolvers<ContextType>;
  ArmsTransferGroup?: ArmsTransferGroupResolvers<ContextType>;
  ArmsTransferGroupEdge?: ArmsTransferGroupEdgeResolvers<ContextType>;
  ArmsTransferSourceCount?: ArmsTransferSourceCountResolvers<ContextType>;
  ArmsTransferStats?: ArmsTransferStatsResolvers<ContextType>;
  ArmsTransferTotals?: ArmsTransferTotalsResolvers<ContextType>;
  Citation?: CitationResolvers<ContextType>;
  Country?: CountryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DealDisagreement?: DealDisagreementResolvers<ContextType>;
  DealFigure?: DealFigureResolvers<ContextType>;
  Delegation?: DelegationResolvers<ContextType>;
  DeleteResult?: DeleteResultResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  EventLink?: EventLinkResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  Leader?: LeaderResolvers<ContextType>;
  LeaderConnection?: LeaderConnectionResolvers<ContextType>;
  LeaderEdge?: LeaderEdgeResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  Meeting?: MeetingResolvers<ContextType>;
  MeetingAttendee?: MeetingAttendeeResolvers<ContextType>;
  MeetingConnection?: MeetingConnectionResolvers<ContextType>;
  MeetingEdge?: MeetingEdgeResolvers<ContextType>;
  MilitaryDeal?: MilitaryDealResolvers<ContextType>;
  MilitaryDealConnection?: MilitaryDealConnectionResolvers<ContextType>;
  MilitaryDealEdge?: MilitaryDealEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartialDate?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  Revision?: RevisionResolvers<ContextType>;
  RevisionConnection?: RevisionConnectionResolvers<ContextType>;
  RevisionEdge?: RevisionEdgeResolvers<ContextType>;
  Role?: RoleResolvers<ContextType>;
  SearchConnection?: SearchConnectionResolvers<ContextType>;
  SearchEdge?: SearchEdgeResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SearchResult?: SearchResultResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  Statement?: StatementResolvers<ContextType>;
  StatementConnection?: StatementConnectionResolvers<ContextType>;
  StatementEdge?: StatementEdgeResolvers<ContextType>;
  SyncReject?: SyncRejectResolvers<ContextType>;
  SyncRun?: SyncRunResolvers<ContextType>;
  SyncRunConnection?: SyncRunConnectionResolvers<ContextType>;
  SyncRunEdge?: SyncRunEdgeResolvers<ContextType>;
  TimelineConnection?: TimelineConnectionResolvers<ContextType>;
  TimelineEdge?: TimelineEdgeResolvers<ContextType>;
  TimelineItem?: TimelineItemResolvers<ContextType>;
  Tiv?: TivResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
