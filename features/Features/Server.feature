@server
Feature: Server state
  What the plan checks by hand on the server (ps, netstat, tail of the logs, the key, caddy validate), checked over
  one pinned SSH connection.

  @prod-safe @ssh @smoke
  Scenario Outline: The <environment> environment runs its backend and frontend where expected
    Then start_server.sh status reports the <environment> environment's backend and frontend running
    And the <environment> environment's ports listen on loopback only, held by processes of its own directory
    And a real connection to each of the <environment> environment's ports succeeds

    Examples:
      | environment |
      | prod        |
      | dev         |

  @prod-safe @ssh
  Scenario Outline: The <environment> environment's start_server.sh and backend/.env carry its own ports and URLs
    Then the <environment> environment's start_server.sh sets its own ports, not another environment's
    And the URLs in the <environment> environment's backend/.env point at its own domain

    Examples:
      | environment |
      | prod        |
      | dev         |

  @prod-safe @ssh
  Scenario: The backend log has no decrypt errors since the last start, once the logs have been read
    # Open WebUI decrypts a log source's password only when its lines are read: read them first, then the log.
    When the admin reads the logs once
    Then the backend log of the environment under test has no "Failed to decrypt password" since the backend started

  @prod-safe @ssh
  Scenario Outline: The <environment> environment defines one encryption key, the same in backend/.env and start_server.sh
    Then the <environment> environment's DATABASE_PASSWORD_ENCRYPTION_KEY has the same fingerprint in backend/.env and start_server.sh

    Examples:
      | environment |
      | prod        |
      | dev         |

  @prod-safe @ssh
  Scenario: Prod uses dev's keys because its database is a copy of dev's
    Then the environment under test has the same DATABASE_PASSWORD_ENCRYPTION_KEY fingerprint as its source environment
    And the environment under test has the same WEBUI_SECRET_KEY fingerprint as its source environment

  @prod-safe @ssh
  Scenario: Every stored log-source password decrypts with the environment's key
    Then every encrypted log-source password in the database of the environment under test decrypts with its DATABASE_PASSWORD_ENCRYPTION_KEY

  @prod-safe @ssh
  Scenario Outline: The <environment> database persists its own URL
    Then the persisted webui.url in the <environment> environment's database is the <environment> environment's public URL

    Examples:
      | environment |
      | prod        |
      | dev         |

  @prod-safe @ssh
  Scenario: Caddy's configuration is valid and routes each domain to its environment's backend port
    Then caddy validate accepts the server's Caddyfile
    And caddy adapt routes each environment's domain only to that environment's backend port

  @prod-safe @api
  Scenario: The site answers within the latency budget
    Then the public URL of the environment under test answers a signed-in user within the latency budget

  @prod-safe @ssh
  Scenario: The server has enough free disk space
    Then the disk holding the environment under test has enough free space

  @prod-safe @ssh
  Scenario: A recent verified backup of the database exists
    # Judged on the backups that were there before the run: a backup the run itself takes proves nothing.
    Then the newest database backup made before this run is recent and passes an integrity check
