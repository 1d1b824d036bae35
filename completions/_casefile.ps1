
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'casefile' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'casefile'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'casefile' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a case and make it current')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List cases: slug, title, state, open hypotheses, entries, last activity')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List cases: slug, title, state, open hypotheses, entries, last activity')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a case current')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Write a note: anything worth keeping')
            [CompletionResult]::new('n', 'n', [CompletionResultType]::ParameterValue, 'Write a note: anything worth keeping')
            [CompletionResult]::new('hypo', 'hypo', [CompletionResultType]::ParameterValue, 'Write a hypothesis: a suspected cause')
            [CompletionResult]::new('hypothesis', 'hypothesis', [CompletionResultType]::ParameterValue, 'Write a hypothesis: a suspected cause')
            [CompletionResult]::new('h', 'h', [CompletionResultType]::ParameterValue, 'Write a hypothesis: a suspected cause')
            [CompletionResult]::new('ev', 'ev', [CompletionResultType]::ParameterValue, 'Write evidence: an observation, log excerpt, trace or command output')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Write evidence: an observation, log excerpt, trace or command output')
            [CompletionResult]::new('e', 'e', [CompletionResultType]::ParameterValue, 'Write evidence: an observation, log excerpt, trace or command output')
            [CompletionResult]::new('dead', 'dead', [CompletionResultType]::ParameterValue, 'Write a dead end: a path tried and ruled out, and why')
            [CompletionResult]::new('dead-end', 'dead-end', [CompletionResultType]::ParameterValue, 'Write a dead end: a path tried and ruled out, and why')
            [CompletionResult]::new('d', 'd', [CompletionResultType]::ParameterValue, 'Write a dead end: a path tried and ruled out, and why')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Write an event: something that happened at a time (deploy, first report, data lost)')
            [CompletionResult]::new('at', 'at', [CompletionResultType]::ParameterValue, 'Write an event: something that happened at a time (deploy, first report, data lost)')
            [CompletionResult]::new('todo', 'todo', [CompletionResultType]::ParameterValue, 'Write an action: a next step or follow-up')
            [CompletionResult]::new('action', 'action', [CompletionResultType]::ParameterValue, 'Write an action: a next step or follow-up')
            [CompletionResult]::new('a', 'a', [CompletionResultType]::ParameterValue, 'Write an action: a next step or follow-up')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Mark a hypothesis confirmed')
            [CompletionResult]::new('refute', 'refute', [CompletionResultType]::ParameterValue, 'Mark a hypothesis refuted (it becomes a dead end)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a confirmed or refuted hypothesis, or a done action')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an action done')
            [CompletionResult]::new('pin', 'pin', [CompletionResultType]::ParameterValue, 'Pin an entry: pinned entries head `casefile status` in full')
            [CompletionResult]::new('unpin', 'unpin', [CompletionResultType]::ParameterValue, 'Unpin an entry')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Say you are on a hypothesis or action now (shown in status; ends when it is settled)')
            [CompletionResult]::new('unclaim', 'unclaim', [CompletionResultType]::ParameterValue, 'Let go of a claim')
            [CompletionResult]::new('retract', 'retract', [CompletionResultType]::ParameterValue, 'Withdraw an entry written by mistake: it leaves status, log, search and the postmortem')
            [CompletionResult]::new('unretract', 'unretract', [CompletionResultType]::ParameterValue, 'Bring back a retracted entry')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Remove the link between two entries (either direction)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command, show its output live, and record it as evidence')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The hand-over briefing of the current case')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The timeline, oldest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One entry whole, with links, context, attachments and history')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Amend an entry''s text in $VISUAL/$EDITOR (earlier text is kept as history)')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search in the current case, or every case with --all')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the current case')
            [CompletionResult]::new('reopen-case', 'reopen-case', [CompletionResultType]::ParameterValue, 'Reopen a closed case')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the postmortem (Markdown) or the whole case as a JSON bundle')
            [CompletionResult]::new('minutes', 'minutes', [CompletionResultType]::ParameterValue, 'What each person did across all cases in a period, as Markdown for a weekly call')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge a JSON bundle into the case with the bundle''s UUID')
            [CompletionResult]::new('attachment', 'attachment', [CompletionResultType]::ParameterValue, 'Write an attachment back out')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Install, remove or inspect the git post-commit hook')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the configuration file''s path or the effective configuration')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Exchange cases with a git remote: fetch every case there, send the shared ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'casefile;new' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--slug', '--slug', [CompletionResultType]::ParameterName, 'Use this slug instead of deriving one from the title')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'A ticket reference (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The problem statement (what was reported, how to reproduce, when it is worse), written as the case''s first note and pinned; `-d -` reads it from stdin')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The problem statement (what was reported, how to reproduce, when it is worse), written as the case''s first note and pinned; `-d -` reads it from stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only open cases (the default)')
            [CompletionResult]::new('--closed', '--closed', [CompletionResultType]::ParameterName, 'Only closed cases (resolved or abandoned)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every case')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;ls' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only open cases (the default)')
            [CompletionResult]::new('--closed', '--closed', [CompletionResultType]::ParameterName, 'Only closed cases (resolved or abandoned)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every case')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;use' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;note' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Pin the note: pinned entries head `casefile status` in full (a hand-over note)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;n' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Pin the note: pinned entries head `casefile status` in full (a hand-over note)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hypo' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hypothesis' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;h' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;ev' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--supports', '--supports', [CompletionResultType]::ParameterName, 'The hypothesis this evidence supports')
            [CompletionResult]::new('--refutes', '--refutes', [CompletionResultType]::ParameterName, 'The hypothesis this evidence refutes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;evidence' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--supports', '--supports', [CompletionResultType]::ParameterName, 'The hypothesis this evidence supports')
            [CompletionResult]::new('--refutes', '--refutes', [CompletionResultType]::ParameterName, 'The hypothesis this evidence refutes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;e' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--supports', '--supports', [CompletionResultType]::ParameterName, 'The hypothesis this evidence supports')
            [CompletionResult]::new('--refutes', '--refutes', [CompletionResultType]::ParameterName, 'The hypothesis this evidence refutes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;dead' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--of', '--of', [CompletionResultType]::ParameterName, 'The hypothesis this dead end rules out (it becomes refuted)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;dead-end' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--of', '--of', [CompletionResultType]::ParameterName, 'The hypothesis this dead end rules out (it becomes refuted)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;d' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--of', '--of', [CompletionResultType]::ParameterName, 'The hypothesis this dead end rules out (it becomes refuted)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;event' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('--good', '--good', [CompletionResultType]::ParameterName, 'A moment known to be before the fault (the last known good), like `git bisect good`')
            [CompletionResult]::new('--bad', '--bad', [CompletionResultType]::ParameterName, 'A moment known to be after the fault (the first known bad), like `git bisect bad`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;at' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('--good', '--good', [CompletionResultType]::ParameterName, 'A moment known to be before the fault (the last known good), like `git bisect good`')
            [CompletionResult]::new('--bad', '--bad', [CompletionResultType]::ParameterName, 'A moment known to be after the fault (the first known bad), like `git bisect bad`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;todo' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who will do it')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The ticket that tracks it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;action' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who will do it')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The ticket that tracks it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;a' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach a file (repeatable)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who will do it')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The ticket that tracks it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--at-text', '--at-text', [CompletionResultType]::ParameterName, 'When it happened: the first timestamp in the text itself (a pasted log line)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL/$EDITOR')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the text and attachments as they are, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;confirm' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--because', '--because', [CompletionResultType]::ParameterName, 'Why: an entry number, or text recorded as new evidence and linked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;refute' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--because', '--because', [CompletionResultType]::ParameterName, 'Why: an entry number, or text recorded as new evidence and linked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;reopen' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--because', '--because', [CompletionResultType]::ParameterName, 'Why: an entry number, or text recorded as new evidence and linked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;done' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;pin' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;unpin' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;claim' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;unclaim' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;retract' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--because', '--because', [CompletionResultType]::ParameterName, 'Why it is withdrawn (kept with the change, shown by `show`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;unretract' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;unlink' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;run' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--supports', '--supports', [CompletionResultType]::ParameterName, 'The hypothesis this run supports')
            [CompletionResult]::new('--refutes', '--refutes', [CompletionResultType]::ParameterName, 'The hypothesis this run refutes')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeatable)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A caption for the run, shown as its headline (the command and its status follow)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A caption for the run, shown as its headline (the command and its status follow)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the output as it is, without secret redaction')
            [CompletionResult]::new('--pty', '--pty', [CompletionResultType]::ParameterName, 'Run the command on a pseudo-terminal, for programs that buffer or drop colour when piped (its stdout and stderr are then one stream, recorded together)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'casefile;status' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;log' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only entries of this kind (repeatable): note, hypothesis, evidence, dead-end, event, action')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries at or after this time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Keep only the latest N entries')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Only entries written by this author (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also show retracted entries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'casefile;edit' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Correct when it happened instead of editing the text (the earlier time is kept in its history; same forms as `--at` of a write)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--no-redact', '--no-redact', [CompletionResultType]::ParameterName, 'Store the new text as it is, without secret redaction')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;search' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many results')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Search every case, not only the current one')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;close' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'What happened, in a few sentences')
            [CompletionResult]::new('--impact', '--impact', [CompletionResultType]::ParameterName, 'Who or what was affected, and how much')
            [CompletionResult]::new('--root-cause', '--root-cause', [CompletionResultType]::ParameterName, 'The root cause')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'The fix')
            [CompletionResult]::new('--lessons', '--lessons', [CompletionResultType]::ParameterName, 'Lessons learned')
            [CompletionResult]::new('--trigger', '--trigger', [CompletionResultType]::ParameterName, 'What set the fault off (the SRE postmortem''s "trigger")')
            [CompletionResult]::new('--detection', '--detection', [CompletionResultType]::ParameterName, 'How the incident was noticed')
            [CompletionResult]::new('--mitigation', '--mitigation', [CompletionResultType]::ParameterName, 'What stopped the harm, as against the permanent fix')
            [CompletionResult]::new('--went-well', '--went-well', [CompletionResultType]::ParameterName, 'Lessons: what went well')
            [CompletionResult]::new('--went-wrong', '--went-wrong', [CompletionResultType]::ParameterName, 'Lessons: what went wrong')
            [CompletionResult]::new('--lucky', '--lucky', [CompletionResultType]::ParameterName, 'Lessons: where we got lucky')
            [CompletionResult]::new('--started', '--started', [CompletionResultType]::ParameterName, 'When the incident started (else the postmortem takes the first event)')
            [CompletionResult]::new('--detected', '--detected', [CompletionResultType]::ParameterName, 'When the incident was detected')
            [CompletionResult]::new('--mitigated', '--mitigated', [CompletionResultType]::ParameterName, 'When the harm stopped (mitigated)')
            [CompletionResult]::new('--resolved-at', '--resolved-at', [CompletionResultType]::ParameterName, 'When the incident was resolved for good')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--resolved', '--resolved', [CompletionResultType]::ParameterName, 'Close as resolved (the default)')
            [CompletionResult]::new('--abandoned', '--abandoned', [CompletionResultType]::ParameterName, 'Close as abandoned')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;reopen-case' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;export' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to export')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Render the postmortem with a template: a built-in one (`default`, `sre`, `aar`) or the path of a MiniJinja template (its context is the JSON bundle; `./sre` for a file called `sre`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--list-templates', '--list-templates', [CompletionResultType]::ParameterName, 'List the built-in templates and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;minutes' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time (default: 7 days ago)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Up to this time (default: now)')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'Only this person (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'All time, not a period')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;import' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Create the case under this slug when the bundle''s slug is taken by another case')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;attachment' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hook' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Add the post-commit hook to a repository (an existing hook is kept and still runs)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the hook, leaving exactly what was there before')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Whether the hook is installed, and which case commits now feed')
            [CompletionResult]::new('post-commit', 'post-commit', [CompletionResultType]::ParameterValue, 'The hook''s own entry point, called by the installed script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'casefile;hook;install' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository (default: the one containing the current directory)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hook;uninstall' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository (default: the one containing the current directory)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hook;status' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository (default: the one containing the current directory)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hook;post-commit' {
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository (default: the one containing the current directory)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;hook;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Add the post-commit hook to a repository (an existing hook is kept and still runs)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the hook, leaving exactly what was there before')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Whether the hook is installed, and which case commits now feed')
            [CompletionResult]::new('post-commit', 'post-commit', [CompletionResultType]::ParameterValue, 'The hook''s own entry point, called by the installed script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'casefile;hook;help;install' {
            break
        }
        'casefile;hook;help;uninstall' {
            break
        }
        'casefile;hook;help;status' {
            break
        }
        'casefile;hook;help;post-commit' {
            break
        }
        'casefile;hook;help;help' {
            break
        }
        'casefile;completions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;config' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the configuration file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration and where each value came from')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the effective value of one setting (e.g. `author`, `claims.expire`)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Write one setting into the config file, keeping its comments and order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'casefile;config;path' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;config;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;config;get' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;config;set' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the configuration file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration and where each value came from')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the effective value of one setting (e.g. `author`, `claims.expire`)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Write one setting into the config file, keeping its comments and order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'casefile;config;help;path' {
            break
        }
        'casefile;config;help;show' {
            break
        }
        'casefile;config;help;get' {
            break
        }
        'casefile;config;help;set' {
            break
        }
        'casefile;config;help;help' {
            break
        }
        'casefile;sync' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Show times in this zone (an IANA name such as America/New_York) in status, log and list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (writes print the entry)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC in status, log and list')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Share every local case (else the current one, or `-C`, joins the shared ones)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'casefile;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a case and make it current')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List cases: slug, title, state, open hypotheses, entries, last activity')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a case current')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Write a note: anything worth keeping')
            [CompletionResult]::new('hypo', 'hypo', [CompletionResultType]::ParameterValue, 'Write a hypothesis: a suspected cause')
            [CompletionResult]::new('ev', 'ev', [CompletionResultType]::ParameterValue, 'Write evidence: an observation, log excerpt, trace or command output')
            [CompletionResult]::new('dead', 'dead', [CompletionResultType]::ParameterValue, 'Write a dead end: a path tried and ruled out, and why')
            [CompletionResult]::new('event', 'event', [CompletionResultType]::ParameterValue, 'Write an event: something that happened at a time (deploy, first report, data lost)')
            [CompletionResult]::new('todo', 'todo', [CompletionResultType]::ParameterValue, 'Write an action: a next step or follow-up')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Mark a hypothesis confirmed')
            [CompletionResult]::new('refute', 'refute', [CompletionResultType]::ParameterValue, 'Mark a hypothesis refuted (it becomes a dead end)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a confirmed or refuted hypothesis, or a done action')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an action done')
            [CompletionResult]::new('pin', 'pin', [CompletionResultType]::ParameterValue, 'Pin an entry: pinned entries head `casefile status` in full')
            [CompletionResult]::new('unpin', 'unpin', [CompletionResultType]::ParameterValue, 'Unpin an entry')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Say you are on a hypothesis or action now (shown in status; ends when it is settled)')
            [CompletionResult]::new('unclaim', 'unclaim', [CompletionResultType]::ParameterValue, 'Let go of a claim')
            [CompletionResult]::new('retract', 'retract', [CompletionResultType]::ParameterValue, 'Withdraw an entry written by mistake: it leaves status, log, search and the postmortem')
            [CompletionResult]::new('unretract', 'unretract', [CompletionResultType]::ParameterValue, 'Bring back a retracted entry')
            [CompletionResult]::new('unlink', 'unlink', [CompletionResultType]::ParameterValue, 'Remove the link between two entries (either direction)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command, show its output live, and record it as evidence')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The hand-over briefing of the current case')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The timeline, oldest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One entry whole, with links, context, attachments and history')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Amend an entry''s text in $VISUAL/$EDITOR (earlier text is kept as history)')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search in the current case, or every case with --all')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the current case')
            [CompletionResult]::new('reopen-case', 'reopen-case', [CompletionResultType]::ParameterValue, 'Reopen a closed case')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the postmortem (Markdown) or the whole case as a JSON bundle')
            [CompletionResult]::new('minutes', 'minutes', [CompletionResultType]::ParameterValue, 'What each person did across all cases in a period, as Markdown for a weekly call')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge a JSON bundle into the case with the bundle''s UUID')
            [CompletionResult]::new('attachment', 'attachment', [CompletionResultType]::ParameterValue, 'Write an attachment back out')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Install, remove or inspect the git post-commit hook')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the configuration file''s path or the effective configuration')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Exchange cases with a git remote: fetch every case there, send the shared ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'casefile;help;new' {
            break
        }
        'casefile;help;list' {
            break
        }
        'casefile;help;use' {
            break
        }
        'casefile;help;note' {
            break
        }
        'casefile;help;hypo' {
            break
        }
        'casefile;help;ev' {
            break
        }
        'casefile;help;dead' {
            break
        }
        'casefile;help;event' {
            break
        }
        'casefile;help;todo' {
            break
        }
        'casefile;help;confirm' {
            break
        }
        'casefile;help;refute' {
            break
        }
        'casefile;help;reopen' {
            break
        }
        'casefile;help;done' {
            break
        }
        'casefile;help;pin' {
            break
        }
        'casefile;help;unpin' {
            break
        }
        'casefile;help;claim' {
            break
        }
        'casefile;help;unclaim' {
            break
        }
        'casefile;help;retract' {
            break
        }
        'casefile;help;unretract' {
            break
        }
        'casefile;help;unlink' {
            break
        }
        'casefile;help;run' {
            break
        }
        'casefile;help;status' {
            break
        }
        'casefile;help;log' {
            break
        }
        'casefile;help;show' {
            break
        }
        'casefile;help;edit' {
            break
        }
        'casefile;help;search' {
            break
        }
        'casefile;help;close' {
            break
        }
        'casefile;help;reopen-case' {
            break
        }
        'casefile;help;export' {
            break
        }
        'casefile;help;minutes' {
            break
        }
        'casefile;help;import' {
            break
        }
        'casefile;help;attachment' {
            break
        }
        'casefile;help;hook' {
            break
        }
        'casefile;help;completions' {
            break
        }
        'casefile;help;config' {
            break
        }
        'casefile;help;sync' {
            break
        }
        'casefile;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
