@deployment
Feature: Deployment verification
  Plan, Phase 4 steps 8-12: after the deploy, the new environment answers on its own ports, the proxy sends each
  domain to its own environment over valid TLS, and dev is still up and untouched.

  @prod-safe @ssh @smoke
  Scenario: The backend answers with its version on its loopback port
    When the server asks the backend of the environment under test for /api/version on its loopback port
    Then it answers 200 with the version the public URL reports

  @prod-safe @ssh
  Scenario: The frontend port answers
    When the server requests / from the frontend port of the environment under test
    Then it answers 200 with an HTML page

  @prod-safe @api @ssh
  Scenario Outline: The proxy routes the <environment> domain to the <environment> backend
    When a uniquely marked request is sent through the public URL of the <environment> environment
    Then the marked request reached the backend of the <environment> environment and no other

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
