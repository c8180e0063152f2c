/** GraphQL documents of the demo data that lives: the weeks ahead and the open needs. */
export const UPCOMING_IN = /* GraphQL */ `
  query UpcomingIn($regionId: ID!, $from: String!) {
    volunteerActivities(first: 100, filter: { regionId: $regionId, from: $from, status: OPEN }) {
      totalCount
      nodes {
        id
        title
        startsOn
        status
        capacity
        region {
          name
        }
      }
    }
  }
`;

export const ACTIVITY_COUNT = /* GraphQL */ `
  query ActivityCount($id: ID!) {
    region(id: $id) {
      volunteerActivityCount
      volunteerCount
    }
  }
`;

export const OPEN_NEEDS_IN = /* GraphQL */ `
  query OpenNeedsIn($regionId: ID!, $status: NeedStatus!) {
    needs(first: 100, filter: { regionId: $regionId, status: $status }) {
      nodes {
        id
        number
        status
        description
        submittedAt
        community {
          name
        }
        linkageCase {
          id
        }
      }
    }
  }
`;

export const DEMO_SIGN_UP = /* GraphQL */ `
  mutation DemoSignUp($activityId: ID!, $volunteerId: ID!) {
    signUpForActivity(activityId: $activityId, volunteerId: $volunteerId) {
      id
    }
  }
`;

export const DEMO_REGISTER_VOLUNTEER = /* GraphQL */ `
  mutation DemoRegisterVolunteer($regionId: ID!) {
    registerVolunteer(input: { name: "演示志愿者", regionId: $regionId, skill: ELDERLY_CARE }) {
      id
    }
  }
`;
