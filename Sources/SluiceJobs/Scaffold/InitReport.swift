/// What `sluice init` tells the user to do next.
public enum InitReport {
    public static func nextSteps(projectPath: String) -> String {
        """

        next:
          cd \(projectPath)
          sluice validate
          sluice jobs
          sluice run job1 --date 2026-11-20 --dry-run
        """
    }
}
