@invitations
Feature: Invitations
  Plan, Phase 5 "Invitations": the fork's invitations can be created, carry the environment's own domain, work
  when clicked, and can be revoked and deleted. A copied dev database silently carries dev's URL into prod; these
  scenarios exist to catch that.

  @mutating @ui @smoke
  Scenario: An admin can create a new invitation
    Given the admin is signed in in the browser
    When the admin creates an invitation for a new check user on the invitations page
    Then the invitation is listed with the status "pending"
    And the page shows the invitation URL

  @mutating @api @smoke
  Scenario: A new invitation URL shows the environment's own domain
    When the admin creates an invitation for a new check user through the API
    Then the invitation URL starts with the public URL of the environment under test

  @prod-safe @api
  Scenario: Invitation links are built from the environment's own URL
    When the admin reads the WebUI URL the backend uses for links
    Then it is the public URL of the environment under test

  @mutating @ui
  Scenario: An invitation link works when clicked
    Given the admin has invited a new check user
    When the invitee opens the invitation link
    Then the registration page offers to create the invited account

  @mutating @ui
  Scenario: An invitation can be revoked
    Given the admin has invited a new check user
    And the admin is signed in in the browser
    When the admin revokes the invitation on the invitations page
    Then the invitation is listed with the status "revoked"
    And the invitation link says "This invitation has been revoked"

  @mutating @ui
  Scenario: An invitation can be deleted
    Given the admin has invited a new check user
    And the admin is signed in in the browser
    When the admin deletes the invitation on the invitations page
    Then the invitation is no longer listed
    And the invitation link is no longer valid
