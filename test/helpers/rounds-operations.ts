// Documents of the project-rounds page (test/integration/project-rounds.test.ts).
export const ROUND_APPLICATIONS = /* GraphQL */ `
  query RoundApplications($roundId: ID!, $orderBy: ServiceProjectOrder) {
    projectRound(id: $roundId) {
      quota
      fundedCount
      remainingQuota
    }
    serviceProjects(filter: { roundId: $roundId }, orderBy: $orderBy) {
      nodes {
        id
        score
        status
      }
    }
  }
`;
export const PROJECT_ACTIONS = `query ProjectActions($id: ID!) { serviceProject(id: $id) { status allowedTransitions } }`;
export const APPLICATIONS_PAGE = /* GraphQL */ `
  query ApplicationsPage($first: Int!) {
    serviceProjects(first: $first, orderBy: { field: SCORE, direction: DESC }) {
      nodes {
        title
        score
        status
        allowedTransitions
        round {
          name
          remainingQuota
        }
      }
    }
  }
`;
