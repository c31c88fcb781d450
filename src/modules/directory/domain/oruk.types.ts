// Plain view models the feed is built from. The database layer fills these
// with PUBLIC data only: anything in here may be published to the open ORUK
// feed (no staff contacts, no addresses of sensitive venues such as recovery
// housing: give those a virtual location or none).
import type { OrgMark } from '../../../platform/modules.ts';
import type { Schedule } from './schedule.ts';
import type { ServiceTypeCode } from './service-types.ts';

/** Lower-case RFC 9562 UUID. ORUK requires every id to be one. */
export type Uuid = string;

export interface OrgIdentifierForFeed {
  id: Uuid;
  /** org-id.guide list code, e.g. "GB-CHC" (charity in England and Wales), "GB-SC" (Scottish charity), "GB-COH" (company). */
  scheme: string;
  /** Plain label, e.g. "Charity number", "Company number". */
  type: string;
  identifier: string;
}

export interface OrgForFeed {
  id: Uuid;
  name: string;
  description: string;
  email?: string;
  website?: string;
  logoUrl?: string;
  /** Our public page for this organisation. */
  pageUrl?: string;
  identifiers?: OrgIdentifierForFeed[];
  /** What other modules say of it in public, such as recognition against the standards. */
  marks?: readonly OrgMark[];
}

export interface AddressForFeed {
  id: Uuid;
  line1: string;
  /** ORUK has no second address line; it is joined onto line 1. */
  line2?: string;
  townOrCity: string;
  /** County or local authority name. ORUK requires `state_province` on every address. */
  county: string;
  postcode: string;
}

export interface AccessibilityForFeed {
  id: Uuid;
  description: string;
  details?: string;
  url?: string;
}

export interface LocationForFeed {
  id: Uuid;
  kind: 'physical' | 'virtual';
  name?: string;
  description?: string;
  lat?: number;
  lon?: number;
  /** Unique Property Reference Number, when known. */
  uprn?: string;
  address?: AddressForFeed;
  accessibility?: AccessibilityForFeed[];
}

/** A service offered at one location: the only way ORUK links the two. */
export interface ServiceAtLocationForFeed {
  id: Uuid;
  location: LocationForFeed;
}

export interface ScheduleForFeed {
  id: Uuid;
  schedule: Schedule;
  /** Set when this timetable applies at one venue only. */
  serviceAtLocationId?: Uuid;
  /** Free text such as "In person" or "Online (Zoom)". */
  attendingType?: string;
  notes?: string;
  /** Booking or session page. */
  link?: string;
  /** Overrides the generated plain-English description. */
  description?: string;
}

export interface ServiceAreaForFeed {
  /** ONS local authority district code, e.g. "E08000035". */
  ladCode: string;
  ladName: string;
}

export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface ServiceForFeed {
  id: Uuid;
  organization: OrgForFeed;
  name: string;
  description?: string;
  status: ServiceStatus;
  url?: string;
  email?: string;
  minimumAge?: number;
  maximumAge?: number;
  /** Short-term notice, e.g. "No meeting on 24 December". */
  alert?: string;
  /** YYYY-MM-DD when the listing was last checked. ORUK advises within 3 months. */
  assuredDate?: string;
  assurerEmail?: string;
  lastModified: Date | string;
  serviceTypes: readonly ServiceTypeCode[];
  areas: readonly ServiceAreaForFeed[];
  /** Empty for online-only services. */
  locations: readonly ServiceAtLocationForFeed[];
  schedules: readonly ScheduleForFeed[];
  /** True when there is no charge. */
  free: boolean;
  /** Plain words about any cost, e.g. "£2 suggested donation for food". */
  costNote?: string;
}
