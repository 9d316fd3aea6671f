@deployment
Feature: Deployment verification
  Plan, Phase 4 steps 8-12: after the deploy, the new environment answers on its own ports, the proxy sends each
  domain to its own environment over valid TLS, and dev is still up and untouched.

  @prod-safe @ssh @smoke
  Scenario: The backend answers with its version on its loopback port
    When the server asks the backend of the environment under test for /api/version on its loopback port
    Then it answers 200 with its version

  @prod-safe @ssh
  Scenario: The frontend port answers
    When the server requests / from the frontend port of the environment under test
    Then it answers 200 with an HTML page

  @mutating @api @ssh
  Scenario Outline: The proxy routes the <environment> domain to the <environment> backend
    A chat created through the domain must land in that environment's own webui.db (read on the server) and in no
    other: only the backend behind the domain can write it. The chat is run-scoped and deleted afterwards.

    When a run-scoped chat is created through the public URL of the <environment> environment
    Then the chat is stored in the database of the <environment> environment and no other

    Examples:
      | environment |
      | prod        |
      | dev         |

  @prod-safe @api
  Scenario Outline: The TLS certificate of the <environment> domain is valid for its name and not near expiry
    When the TLS certificate of the <environment> environment's public URL is fetched
    Then it is trusted, issued for the domain and valid for long enough

    Examples:
      | environment |
      | prod        |
      | dev         |

  @prod-safe @api @smoke
  Scenario: Dev and prod are both up
    When /api/version is requested through the public URLs of dev and prod
    Then both answer 200 with the same version

  @prod-safe @ssh
  Scenario: Dev was left unchanged by the deploy
    Then the dev environment's start_server.sh still declares dev's own ports
    And the dev environment's backend/.env still points at dev's own URL
    And the dev environment's database still persists dev's own URL
