/** Result shapes of the documents in schema/operations/bot (kept next to them; schema:check validates both). */
export interface FindCommunity {
  regions: { nodes: { id: string; name: string; parent: { id: string; name: string } | null }[] };
}

export interface CommunityServices {
  services: {
    totalCount: number;
    nodes: {
      name: string;
      schedule: string;
      provider: { name: string };
      station: { name: string } | null;
      region: { name: string } | null;
    }[];
  };
}

export interface SubmitNeed {
  submitNeed: { id: string; number: string; status: string };
}

export interface NeedStatus {
  needByNumber: { id: string; number: string; status: string; category: string; rating: number | null } | null;
}

export interface RateNeed {
  rateNeed: { number: string; rating: number };
}

export interface UpcomingActivities {
  volunteerActivities: {
    nodes: { id: string; title: string; startsOn: string; capacity: number | null; station: { name: string } | null }[];
  };
}

export interface RegisterVolunteer {
  registerVolunteer: { id: string };
}

export interface SignUpForActivity {
  signUpForActivity: { id: string };
}

export interface VolunteerHours {
  volunteer: { displayName: string; serviceHours: number; timeBankBalance: number } | null;
}
