/// The files `sluice init` writes: a complete example project with one job, `job1`.
enum ProjectTemplate {
    static func files(projectName: String) -> [(path: String, contents: String)] {
        [
            ("sluice.yaml", sluiceYAML(projectName)),
            ("jobs/job1/job.yaml", jobYAML),
            ("jobs/job1/prepare.sql", prepareSQL),
            (".gitignore", gitignore),
        ]
    }

    static func sluiceYAML(_ name: String) -> String {
        """
        # Sluice project. Connections name storages; every folder under jobs/ is a pipeline.
        project: \(name)
        connections:
          lake: { type: file, root: ./lake }            # or { type: s3, bucket: my-lake, region: eu-west-1 }
          serving: { type: sqlite, path: ./serving.db } # or { type: scylla, contact_points: [...], keyspace: ... }
        engine: { type: local }                         # or { type: spark, remote: "sc://host:15002" }

        """
    }

    static let jobYAML = """
        # job1: score users from the day's events, then serve the scores by user id.
        description: Daily user scores from events
        schedule: "0 3 * * *"
        retries: 2
        retry_delay: 5m
        tags: [example]
        tasks:
          prepare-data:
            kind: prepare
            sources:                                   # each source becomes a SQL view
              events: { connection: lake, path: "events/dt={{ ds }}/" }
              users: { connection: lake, path: "users/" }
            sql: prepare.sql
            output: { connection: lake, path: "results/job1/" }
          save-data:
            kind: save
            after: [prepare-data]
            input: { connection: lake, path: "results/job1/" }   # newest complete result here
            target: { connection: serving, table: user_scores, key: [user_id], values: [score, events, updated_at] }
            validate: { min_rows: 1, max_row_change: 0.5 }       # refuse to switch on a suspicious result
            keep_results: 7

        """

    static let prepareSQL = """
        -- Spark SQL. Sources are views; {{ ds }} is the logical date (YYYY-MM-DD).
        -- Score: one point per view or click, ten per purchase, for active users only.
        SELECT
            e.user_id,
            SUM(CASE WHEN e.event_type = 'purchase' THEN 10 ELSE 1 END) AS score,
            COUNT(*) AS events,
            MAX(e.event_time) AS updated_at
        FROM events AS e
        JOIN users AS u ON u.user_id = e.user_id
        WHERE u.active
          AND to_date(e.event_time) = DATE '{{ ds }}'
        GROUP BY e.user_id

        """

    static let gitignore = """
        lake/
        serving.db*
        .sluice/

        """
}
