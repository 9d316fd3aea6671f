namespace Fixxit.Checklist.Specs.Matrix;

/// <summary>
/// docs/faults.md as data: for every fault, the scenarios whose failure must name its cause, the further scenarios it
/// must fail, and the ones it must leave passing. <see cref="FaultMatrixCoverageSpecs"/> proves every fault has a row and
/// every scenario a killing fault; <c>Gate.FaultMatrixSpecs</c> runs each row against a sandbox.
/// </summary>
public static class FaultMatrix
{
    private const string WherePort = "The_environment_environment_runs_its_backend_and_frontend_where_expected";
    private const string OwnPorts = "The_environment_environment_s_start_server_sh_and_backend_env_carry_its_own_ports_and_URLs";
    private const string OneKey = "The_environment_environment_defines_one_encryption_key_the_same_in_backend_env_and_start_server_sh";
    private const string PersistsUrl = "The_environment_database_persists_its_own_URL";
    private const string ProxyRoutes = "The_proxy_routes_the_environment_domain_to_the_environment_backend";
    private const string Certificate = "The_TLS_certificate_of_the_environment_domain_is_valid_for_its_name_and_not_near_expiry";
    private const string CertificateNearExpiryFault = Fixxit.Sandbox.Faults.CertificateNearExpiryFault.FaultName;
    private const string LowDiskSpaceFault = Fixxit.Sandbox.Faults.LowDiskSpaceFault.FaultName;

    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new("wrong-key",
            [
                new("The_backend_log_has_no_decrypt_errors_since_the_last_start", "prod backend log has", "\"Failed to decrypt password\" errors since its last start"),
                new("No_Failed_to_decrypt_password", "prod backend log has", "DATABASE_PASSWORD_ENCRYPTION_KEY does not match"),
                new("Prod_uses_dev_s_keys", "prod's DATABASE_PASSWORD_ENCRYPTION_KEY (sha256:", "differs from dev's"),
                new("Every_stored_log_source_password", "prod's DATABASE_PASSWORD_ENCRYPTION_KEY", "cannot decrypt"),
            ],
            ["The_logs_page_loads", "Logs_can_be_filtered_by_level", "Logs_can_be_searched"],
            []),
        new("split-key",
            [
                new(OneKey + "(prod)", "prod defines DATABASE_PASSWORD_ENCRYPTION_KEY twice, differently: backend/.env has sha256:", "start_server.sh has sha256:"),
                // The backend picks one of the two definitions per request: 30 loads all succeeding has a chance of 2^-30.
                new("Logs_display_consistently", "the logs fail to load", "times on prod (random failures)"),
            ],
            [],
            [OneKey + "(dev)"],
            new Dictionary<string, string> { ["LogLoads"] = "30" }),
        new("dev-url-in-db",
            [
                new("A_new_invitation_URL_shows", "prod invitation link points at dev.fixxit.ai, not app.fixxit.ai: prod DB's persisted webui.url is {devUrl}"),
                new(PersistsUrl + "(prod)", "prod DB's persisted webui.url is {devUrl}, not {prodUrl}"),
            ],
            ["Invitation_links_are_built_from_the_environment_s_own_URL"],
            [PersistsUrl + "(dev)"]),
        new("backend-down",
            [
                new("The_backend_answers_with_its_version", "prod backend does not answer on 127.0.0.1:{prodBackend}"),
                new(WherePort + "(prod)", "prod is not fully running", "backend: stopped"),
            ],
            ["A_wrong_password_is_refused"],
            [WherePort + "(dev)"]),
        new("frontend-down",
            [new(WherePort + "(prod)", "prod is not fully running", "frontend: stopped")],
            ["The_frontend_port_answers"],
            [WherePort + "(dev)"]),
        new("missing-frontend",
            [new(WherePort + "(prod)", "prod is not fully running", "frontend: stopped")],
            ["The_frontend_port_answers"],
            []),
        new("proxy-wrong-port",
            [new("Caddy_s_configuration", "Caddy proxies app.fixxit.ai to port {devBackend}, not prod's backend port {prodBackend}")],
            [ProxyRoutes + "(prod)"],
            []),
        new("wrong-backend-port",
            [new(OwnPorts + "(prod)", "prod's start_server.sh sets BACKEND_PORT={wrongPort}, not the declared {prodBackend}")],
            [],
            [OwnPorts + "(dev)"]),
        new("slow-backend",
            [new("The_site_answers_within_the_latency_budget", "prod is slow: https://app.fixxit.ai", "over the budget of")],
            [],
            ["Models_load_correctly"]),
        new("model-missing",
            [
                new("Models_load_correctly", "no model is available to users on prod"),
                new("The_model_selector_offers_the_models_the_API_lists", "no model is available to users on prod"),
            ],
            ["A_user_can_create_a_new_chat_and_send_a_message"],
            []),
        new("user-locked-out",
            [
                new("The_chat_history_lists_the_user_s_chats", "the user account", "cannot sign in to app.fixxit.ai"),
                new("An_existing_user_can_sign_in_on_the_sign_in_page", "an existing user cannot sign in on the sign-in page of prod"),
            ],
            ["A_user_can_reopen_a_chat_from_the_chat_history"],
            ["A_wrong_password_is_refused"]),
        new("pending-user-let-in",
            [new("A_pending_user_cannot_use_the_app_until_approved", "a pending user is let in on prod")],
            [],
            []),
        new("admin-demoted",
            [
                new("The_admin_dashboard_loads", "the admin account", "has the role 'user' on prod, not 'admin'"),
                new("Admins_can_see_all_groups", "an admin sees 0 groups on prod but its database holds"),
            ],
            ["The_User_Management_tab_lists_every_user_with_their_role", "The_admin_can_add_a_user_in_User_Management", "The_admin_s_groups_page_lists_every_group"],
            []),
        new("manager-demoted",
            [
                new("The_manager_dashboard_loads_for_a_manager", "the manager account", "has the role 'user' on prod, not 'manager'"),
                new("Managers_can_only_see_their_groups", "the manager cannot load the manager dashboard's groups"),
            ],
            ["A_manager_can_see_the_members_of_their_groups"],
            []),
        new("manager-sees-foreign-group",
            [new("Managers_can_only_see_their_groups", "the manager's groups on prod are")],
            ["A_manager_can_view_the_groups_they_manage"],
            []),
        new("invitations-table-lost",
            [new("A_new_invitation_URL_shows", "the admin cannot create an invitation on app.fixxit.ai")],
            [
                "An_admin_can_create_a_new_invitation", "An_invitation_link_works_when_clicked", "An_invitation_can_be_revoked",
                "An_invitation_can_be_deleted", "A_new_user_can_register_through_an_invitation_link",
            ],
            []),
        new("stale-backup",
            [new("A_recent_verified_backup", "the newest backup of prod's database is 72")],
            [],
            []),
        new("dev-down",
            [new(WherePort + "(dev)", "dev is not fully running")],
            ["Dev_and_prod_are_both_up", ProxyRoutes + "(dev)"],
            [WherePort + "(prod)"]),
        new("dev-points-at-prod",
            [new(OwnPorts + "(dev)", "dev's backend/.env: WEBUI_URL")],
            ["Dev_was_left_unchanged_by_the_deploy"],
            [OwnPorts + "(prod)"]),
        new(CertificateNearExpiryFault,
            [new(Certificate + "(prod)", "the TLS certificate of app.fixxit.ai expires in", "less than the required")],
            [],
            [Certificate + "(dev)", "Caddy_s_configuration"]),
        new(LowDiskSpaceFault,
            [new("The_server_has_enough_free_disk_space", "the server's disk holding prod has", "MB free, less than the required")],
            [],
            // Prod, started again on the nearly full filesystem, still serves.
            ["The_frontend_port_answers"]),
    ];

    /// <summary>
    /// Faults that share one child gate run, to keep CI within its budget: their scenarios are disjoint, none takes
    /// away a sign-in another row relies on, and none restarts prod once another is on (a restart would re-create what
    /// another removed): low-disk-space, which restarts prod when switched, goes first, so its restarts happen before
    /// the others are on and after they are off. It stays out of slow-backend's run: a freshly started (cold) backend
    /// that runs 50 ms in every 3 s misses Caddy's 5 s health timeout, and prod answers 503 instead of slowly.
    /// Switched on in this order, off in the reverse order. Every other fault runs alone.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> SharedRuns { get; } =
    [
        [LowDiskSpaceFault, "dev-url-in-db", "model-missing", "stale-backup", "pending-user-let-in", "manager-sees-foreign-group", "dev-points-at-prod", CertificateNearExpiryFault],
        ["user-locked-out", "admin-demoted", "manager-demoted"],
        ["dev-down", "slow-backend"],
    ];

    /// <summary>Every child gate run of the matrix: the shared runs, then each remaining fault alone.</summary>
    public static IReadOnlyList<IReadOnlyList<FaultCase>> Runs =>
    [
        .. SharedRuns.Select(run => (IReadOnlyList<FaultCase>)[.. run.Select(name => Cases.Single(c => c.Fault == name))]),
        .. Cases.Where(c => !SharedRuns.Any(r => r.Contains(c.Fault))).Select(c => (IReadOnlyList<FaultCase>)[c]),
    ];

    /// <summary>
    /// Scenarios no fault fails yet, each with why: a real cause needs more than a file, process, row or proxy edit
    /// (<see cref="FaultMatrixCoverageSpecs"/> fails when this list is not exactly the uncovered scenarios).
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotYetKilled { get; } = new Dictionary<string, string>();
}
