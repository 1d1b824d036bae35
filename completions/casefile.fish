# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_casefile_global_optspecs
    string join \n C/case= json color= q/quiet tz= utc h/help V/version
end

function __fish_casefile_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_casefile_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_casefile_using_subcommand
    set -l cmd (__fish_casefile_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c casefile -n "__fish_casefile_needs_command" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_needs_command" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_needs_command" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_needs_command" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_needs_command" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c casefile -n "__fish_casefile_needs_command" -s V -l version -d 'Print version'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "new" -d 'Create a case and make it current'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "list" -d 'List cases: slug, title, state, open hypotheses, entries, last activity'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "ls" -d 'List cases: slug, title, state, open hypotheses, entries, last activity'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "use" -d 'Make a case current'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "note" -d 'Write a note: anything worth keeping'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "n" -d 'Write a note: anything worth keeping'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "hypo" -d 'Write a hypothesis: a suspected cause'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "hypothesis" -d 'Write a hypothesis: a suspected cause'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "h" -d 'Write a hypothesis: a suspected cause'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "ev" -d 'Write evidence: an observation, log excerpt, trace or command output'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "evidence" -d 'Write evidence: an observation, log excerpt, trace or command output'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "e" -d 'Write evidence: an observation, log excerpt, trace or command output'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "dead" -d 'Write a dead end: a path tried and ruled out, and why'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "dead-end" -d 'Write a dead end: a path tried and ruled out, and why'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "d" -d 'Write a dead end: a path tried and ruled out, and why'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "event" -d 'Write an event: something that happened at a time (deploy, first report, data lost)'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "at" -d 'Write an event: something that happened at a time (deploy, first report, data lost)'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "todo" -d 'Write an action: a next step or follow-up'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "action" -d 'Write an action: a next step or follow-up'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "a" -d 'Write an action: a next step or follow-up'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "confirm" -d 'Mark a hypothesis confirmed'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "refute" -d 'Mark a hypothesis refuted (it becomes a dead end)'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "reopen" -d 'Reopen a confirmed or refuted hypothesis, or a done action'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "done" -d 'Mark an action done'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "pin" -d 'Pin an entry: pinned entries head `casefile status` in full'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "unpin" -d 'Unpin an entry'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "claim" -d 'Say you are on a hypothesis or action now (shown in status; ends when it is settled)'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "unclaim" -d 'Let go of a claim'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "retract" -d 'Withdraw an entry written by mistake: it leaves status, log, search and the postmortem'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "unretract" -d 'Bring back a retracted entry'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "unlink" -d 'Remove the link between two entries (either direction)'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "run" -d 'Run a command, show its output live, and record it as evidence'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "status" -d 'The hand-over briefing of the current case'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "log" -d 'The timeline, oldest first'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "show" -d 'One entry whole, with links, context, attachments and history'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "edit" -d 'Amend an entry\'s text in $VISUAL/$EDITOR (earlier text is kept as history)'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "search" -d 'Full-text search in the current case, or every case with --all'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "close" -d 'Close the current case'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "reopen-case" -d 'Reopen a closed case'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "export" -d 'Export the postmortem (Markdown) or the whole case as a JSON bundle'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "minutes" -d 'What each person did across all cases in a period, as Markdown for a weekly call'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "import" -d 'Merge a JSON bundle into the case with the bundle\'s UUID'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "attachment" -d 'Write an attachment back out'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "hook" -d 'Install, remove or inspect the git post-commit hook'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "config" -d 'Show the configuration file\'s path or the effective configuration'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "sync" -d 'Exchange cases with a git remote: fetch every case there, send the shared ones'
complete -c casefile -n "__fish_casefile_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c casefile -n "__fish_casefile_using_subcommand new" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand new" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand new" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand new" -l slug -d 'Use this slug instead of deriving one from the title' -r
complete -c casefile -n "__fish_casefile_using_subcommand new" -l ticket -d 'A ticket reference (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand new" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand new" -s d -l description -d 'The problem statement (what was reported, how to reproduce, when it is worse), written as the case\'s first note and pinned; `-d -` reads it from stdin' -r
complete -c casefile -n "__fish_casefile_using_subcommand new" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand new" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand new" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand new" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand list" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand list" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand list" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand list" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand list" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand list" -l open -d 'Only open cases (the default)'
complete -c casefile -n "__fish_casefile_using_subcommand list" -l closed -d 'Only closed cases (resolved or abandoned)'
complete -c casefile -n "__fish_casefile_using_subcommand list" -l all -d 'Every case'
complete -c casefile -n "__fish_casefile_using_subcommand list" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l open -d 'Only open cases (the default)'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l closed -d 'Only closed cases (resolved or abandoned)'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -l all -d 'Every case'
complete -c casefile -n "__fish_casefile_using_subcommand ls" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand use" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand use" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand use" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand use" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand use" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand use" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand use" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand note" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand note" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand note" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand note" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand note" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand note" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand note" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand note" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand note" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand note" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand note" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand note" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand note" -l pin -d 'Pin the note: pinned entries head `casefile status` in full (a hand-over note)'
complete -c casefile -n "__fish_casefile_using_subcommand note" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand n" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand n" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand n" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand n" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand n" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand n" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand n" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand n" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand n" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand n" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand n" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand n" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand n" -l pin -d 'Pin the note: pinned entries head `casefile status` in full (a hand-over note)'
complete -c casefile -n "__fish_casefile_using_subcommand n" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand hypo" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand hypothesis" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand h" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand h" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand h" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand h" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand h" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand h" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand h" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand h" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand h" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand h" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand h" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand h" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand h" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l supports -d 'The hypothesis this evidence supports' -r
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l refutes -d 'The hypothesis this evidence refutes' -r
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand ev" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l supports -d 'The hypothesis this evidence supports' -r
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l refutes -d 'The hypothesis this evidence refutes' -r
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand evidence" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand e" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand e" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand e" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand e" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand e" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand e" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand e" -l supports -d 'The hypothesis this evidence supports' -r
complete -c casefile -n "__fish_casefile_using_subcommand e" -l refutes -d 'The hypothesis this evidence refutes' -r
complete -c casefile -n "__fish_casefile_using_subcommand e" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand e" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand e" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand e" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand e" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand e" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand e" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l of -d 'The hypothesis this dead end rules out (it becomes refuted)' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand dead" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l of -d 'The hypothesis this dead end rules out (it becomes refuted)' -r
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand dead-end" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand d" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand d" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand d" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand d" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand d" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand d" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand d" -l of -d 'The hypothesis this dead end rules out (it becomes refuted)' -r
complete -c casefile -n "__fish_casefile_using_subcommand d" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand d" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand d" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand d" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand d" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand d" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand d" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand event" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand event" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand event" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand event" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand event" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand event" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand event" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand event" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand event" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand event" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand event" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand event" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand event" -l good -d 'A moment known to be before the fault (the last known good), like `git bisect good`'
complete -c casefile -n "__fish_casefile_using_subcommand event" -l bad -d 'A moment known to be after the fault (the first known bad), like `git bisect bad`'
complete -c casefile -n "__fish_casefile_using_subcommand event" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand at" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand at" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand at" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand at" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand at" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand at" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand at" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand at" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand at" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand at" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand at" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand at" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand at" -l good -d 'A moment known to be before the fault (the last known good), like `git bisect good`'
complete -c casefile -n "__fish_casefile_using_subcommand at" -l bad -d 'A moment known to be after the fault (the first known bad), like `git bisect bad`'
complete -c casefile -n "__fish_casefile_using_subcommand at" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l owner -d 'Who will do it' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l due -d 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l ticket -d 'The ticket that tracks it' -r
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand todo" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand action" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand action" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand action" -l owner -d 'Who will do it' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l due -d 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l ticket -d 'The ticket that tracks it' -r
complete -c casefile -n "__fish_casefile_using_subcommand action" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand action" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand action" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand action" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand action" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand action" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand action" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand a" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand a" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l at -d 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l file -d 'Attach a file (repeatable)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand a" -l owner -d 'Who will do it' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l due -d 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l ticket -d 'The ticket that tracks it' -r
complete -c casefile -n "__fish_casefile_using_subcommand a" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand a" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand a" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand a" -l at-text -d 'When it happened: the first timestamp in the text itself (a pasted log line)'
complete -c casefile -n "__fish_casefile_using_subcommand a" -s e -l edit -d 'Write the text in $VISUAL/$EDITOR'
complete -c casefile -n "__fish_casefile_using_subcommand a" -l no-redact -d 'Store the text and attachments as they are, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand a" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -l because -d 'Why: an entry number, or text recorded as new evidence and linked' -r
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand confirm" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand refute" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand refute" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand refute" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand refute" -l because -d 'Why: an entry number, or text recorded as new evidence and linked' -r
complete -c casefile -n "__fish_casefile_using_subcommand refute" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand refute" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand refute" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand refute" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -l because -d 'Why: an entry number, or text recorded as new evidence and linked' -r
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand reopen" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand done" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand done" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand done" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand done" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand done" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand done" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand done" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand pin" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand pin" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand pin" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand pin" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand pin" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand pin" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand pin" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand unpin" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand claim" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand claim" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand claim" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand claim" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand claim" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand claim" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand claim" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand unclaim" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand retract" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand retract" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand retract" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand retract" -l because -d 'Why it is withdrawn (kept with the change, shown by `show`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand retract" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand retract" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand retract" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand retract" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand unretract" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand unlink" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand run" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand run" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand run" -l supports -d 'The hypothesis this run supports' -r
complete -c casefile -n "__fish_casefile_using_subcommand run" -l refutes -d 'The hypothesis this run refutes' -r
complete -c casefile -n "__fish_casefile_using_subcommand run" -l tag -d 'A tag (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand run" -s m -l message -d 'A caption for the run, shown as its headline (the command and its status follow)' -r
complete -c casefile -n "__fish_casefile_using_subcommand run" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand run" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand run" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand run" -l no-redact -d 'Store the output as it is, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand run" -l pty -d 'Run the command on a pseudo-terminal, for programs that buffer or drop colour when piped (its stdout and stderr are then one stream, recorded together)'
complete -c casefile -n "__fish_casefile_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c casefile -n "__fish_casefile_using_subcommand status" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand status" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand status" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand status" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand status" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand status" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand log" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand log" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand log" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand log" -l kind -d 'Only entries of this kind (repeatable): note, hypothesis, evidence, dead-end, event, action' -r -f -a "note\t''
hypothesis\t''
evidence\t''
dead-end\t''
event\t''
action\t''"
complete -c casefile -n "__fish_casefile_using_subcommand log" -l since -d 'Only entries at or after this time' -r
complete -c casefile -n "__fish_casefile_using_subcommand log" -l limit -d 'Keep only the latest N entries' -r
complete -c casefile -n "__fish_casefile_using_subcommand log" -l author -d 'Only entries written by this author (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand log" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand log" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand log" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand log" -l all -d 'Also show retracted entries'
complete -c casefile -n "__fish_casefile_using_subcommand log" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand show" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand show" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand show" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand show" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand show" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c casefile -n "__fish_casefile_using_subcommand edit" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand edit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand edit" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand edit" -l at -d 'Correct when it happened instead of editing the text (the earlier time is kept in its history; same forms as `--at` of a write)' -r
complete -c casefile -n "__fish_casefile_using_subcommand edit" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand edit" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand edit" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand edit" -l no-redact -d 'Store the new text as it is, without secret redaction'
complete -c casefile -n "__fish_casefile_using_subcommand edit" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand search" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand search" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand search" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand search" -l limit -d 'At most this many results' -r
complete -c casefile -n "__fish_casefile_using_subcommand search" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand search" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand search" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand search" -l all -d 'Search every case, not only the current one'
complete -c casefile -n "__fish_casefile_using_subcommand search" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand close" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand close" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l summary -d 'What happened, in a few sentences' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l impact -d 'Who or what was affected, and how much' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l root-cause -d 'The root cause' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l fix -d 'The fix' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l lessons -d 'Lessons learned' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l trigger -d 'What set the fault off (the SRE postmortem\'s "trigger")' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l detection -d 'How the incident was noticed' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l mitigation -d 'What stopped the harm, as against the permanent fix' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l went-well -d 'Lessons: what went well' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l went-wrong -d 'Lessons: what went wrong' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l lucky -d 'Lessons: where we got lucky' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l started -d 'When the incident started (else the postmortem takes the first event)' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l detected -d 'When the incident was detected' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l mitigated -d 'When the harm stopped (mitigated)' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l resolved-at -d 'When the incident was resolved for good' -r
complete -c casefile -n "__fish_casefile_using_subcommand close" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand close" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand close" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand close" -l resolved -d 'Close as resolved (the default)'
complete -c casefile -n "__fish_casefile_using_subcommand close" -l abandoned -d 'Close as abandoned'
complete -c casefile -n "__fish_casefile_using_subcommand close" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand reopen-case" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand export" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand export" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand export" -l format -d 'What to export' -r -f -a "markdown\t''
json\t''"
complete -c casefile -n "__fish_casefile_using_subcommand export" -s o -l output -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand export" -l template -d 'Render the postmortem with a template: a built-in one (`default`, `sre`, `aar`) or the path of a MiniJinja template (its context is the JSON bundle; `./sre` for a file called `sre`)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand export" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand export" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand export" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand export" -l list-templates -d 'List the built-in templates and exit'
complete -c casefile -n "__fish_casefile_using_subcommand export" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l since -d 'From this time (default: 7 days ago)' -r
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l until -d 'Up to this time (default: now)' -r
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l author -d 'Only this person (repeatable)' -r
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -l all -d 'All time, not a period'
complete -c casefile -n "__fish_casefile_using_subcommand minutes" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand import" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand import" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand import" -l as -d 'Create the case under this slug when the bundle\'s slug is taken by another case' -r
complete -c casefile -n "__fish_casefile_using_subcommand import" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand import" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand import" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand import" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand attachment" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -f -a "install" -d 'Add the post-commit hook to a repository (an existing hook is kept and still runs)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -f -a "uninstall" -d 'Remove the hook, leaving exactly what was there before'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -f -a "status" -d 'Whether the hook is installed, and which case commits now feed'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -f -a "post-commit" -d 'The hook\'s own entry point, called by the installed script'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall status post-commit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -l repo -d 'The repository (default: the one containing the current directory)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l repo -d 'The repository (default: the one containing the current directory)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -l repo -d 'The repository (default: the one containing the current directory)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -l repo -d 'The repository (default: the one containing the current directory)' -r -F
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from post-commit" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "install" -d 'Add the post-commit hook to a repository (an existing hook is kept and still runs)'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove the hook, leaving exactly what was there before'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "status" -d 'Whether the hook is installed, and which case commits now feed'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "post-commit" -d 'The hook\'s own entry point, called by the installed script'
complete -c casefile -n "__fish_casefile_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c casefile -n "__fish_casefile_using_subcommand completions" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand completions" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand completions" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand completions" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand completions" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand completions" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -f -a "path" -d 'Print the path of the configuration file'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -f -a "show" -d 'Print the effective configuration and where each value came from'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -f -a "get" -d 'Print the effective value of one setting (e.g. `author`, `claims.expire`)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -f -a "set" -d 'Write one setting into the config file, keeping its comments and order'
complete -c casefile -n "__fish_casefile_using_subcommand config; and not __fish_seen_subcommand_from path show get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the configuration file'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective configuration and where each value came from'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print the effective value of one setting (e.g. `author`, `claims.expire`)'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Write one setting into the config file, keeping its comments and order'
complete -c casefile -n "__fish_casefile_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c casefile -n "__fish_casefile_using_subcommand sync" -s C -l case -d 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)' -r
complete -c casefile -n "__fish_casefile_using_subcommand sync" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c casefile -n "__fish_casefile_using_subcommand sync" -l tz -d 'Show times in this zone (an IANA name such as America/New_York) in status, log and list' -r
complete -c casefile -n "__fish_casefile_using_subcommand sync" -l json -d 'Print JSON instead of text (writes print the entry)'
complete -c casefile -n "__fish_casefile_using_subcommand sync" -s q -l quiet -d 'Print nothing on success'
complete -c casefile -n "__fish_casefile_using_subcommand sync" -l utc -d 'Show times in UTC in status, log and list'
complete -c casefile -n "__fish_casefile_using_subcommand sync" -l all -d 'Share every local case (else the current one, or `-C`, joins the shared ones)'
complete -c casefile -n "__fish_casefile_using_subcommand sync" -s h -l help -d 'Print help'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "new" -d 'Create a case and make it current'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "list" -d 'List cases: slug, title, state, open hypotheses, entries, last activity'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "use" -d 'Make a case current'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "note" -d 'Write a note: anything worth keeping'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "hypo" -d 'Write a hypothesis: a suspected cause'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "ev" -d 'Write evidence: an observation, log excerpt, trace or command output'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "dead" -d 'Write a dead end: a path tried and ruled out, and why'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "event" -d 'Write an event: something that happened at a time (deploy, first report, data lost)'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "todo" -d 'Write an action: a next step or follow-up'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "confirm" -d 'Mark a hypothesis confirmed'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "refute" -d 'Mark a hypothesis refuted (it becomes a dead end)'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "reopen" -d 'Reopen a confirmed or refuted hypothesis, or a done action'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "done" -d 'Mark an action done'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "pin" -d 'Pin an entry: pinned entries head `casefile status` in full'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "unpin" -d 'Unpin an entry'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "claim" -d 'Say you are on a hypothesis or action now (shown in status; ends when it is settled)'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "unclaim" -d 'Let go of a claim'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "retract" -d 'Withdraw an entry written by mistake: it leaves status, log, search and the postmortem'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "unretract" -d 'Bring back a retracted entry'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "unlink" -d 'Remove the link between two entries (either direction)'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "run" -d 'Run a command, show its output live, and record it as evidence'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "status" -d 'The hand-over briefing of the current case'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "log" -d 'The timeline, oldest first'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "show" -d 'One entry whole, with links, context, attachments and history'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "edit" -d 'Amend an entry\'s text in $VISUAL/$EDITOR (earlier text is kept as history)'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "search" -d 'Full-text search in the current case, or every case with --all'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "close" -d 'Close the current case'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "reopen-case" -d 'Reopen a closed case'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "export" -d 'Export the postmortem (Markdown) or the whole case as a JSON bundle'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "minutes" -d 'What each person did across all cases in a period, as Markdown for a weekly call'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "import" -d 'Merge a JSON bundle into the case with the bundle\'s UUID'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "attachment" -d 'Write an attachment back out'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "hook" -d 'Install, remove or inspect the git post-commit hook'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "completions" -d 'Print a shell completion script'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "config" -d 'Show the configuration file\'s path or the effective configuration'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "sync" -d 'Exchange cases with a git remote: fetch every case there, send the shared ones'
complete -c casefile -n "__fish_casefile_using_subcommand help; and not __fish_seen_subcommand_from new list use note hypo ev dead event todo confirm refute reopen done pin unpin claim unclaim retract unretract unlink run status log show edit search close reopen-case export minutes import attachment hook completions config sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
