
use builtin;
use str;

set edit:completion:arg-completer[casefile] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'casefile'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'casefile'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand new 'Create a case and make it current'
            cand list 'List cases: slug, title, state, open hypotheses, entries, last activity'
            cand ls 'List cases: slug, title, state, open hypotheses, entries, last activity'
            cand use 'Make a case current'
            cand note 'Write a note: anything worth keeping'
            cand n 'Write a note: anything worth keeping'
            cand hypo 'Write a hypothesis: a suspected cause'
            cand hypothesis 'Write a hypothesis: a suspected cause'
            cand h 'Write a hypothesis: a suspected cause'
            cand ev 'Write evidence: an observation, log excerpt, trace or command output'
            cand evidence 'Write evidence: an observation, log excerpt, trace or command output'
            cand e 'Write evidence: an observation, log excerpt, trace or command output'
            cand dead 'Write a dead end: a path tried and ruled out, and why'
            cand dead-end 'Write a dead end: a path tried and ruled out, and why'
            cand d 'Write a dead end: a path tried and ruled out, and why'
            cand event 'Write an event: something that happened at a time (deploy, first report, data lost)'
            cand at 'Write an event: something that happened at a time (deploy, first report, data lost)'
            cand todo 'Write an action: a next step or follow-up'
            cand action 'Write an action: a next step or follow-up'
            cand a 'Write an action: a next step or follow-up'
            cand confirm 'Mark a hypothesis confirmed'
            cand refute 'Mark a hypothesis refuted (it becomes a dead end)'
            cand reopen 'Reopen a confirmed or refuted hypothesis, or a done action'
            cand done 'Mark an action done'
            cand pin 'Pin an entry: pinned entries head `casefile status` in full'
            cand unpin 'Unpin an entry'
            cand claim 'Say you are on a hypothesis or action now (shown in status; ends when it is settled)'
            cand unclaim 'Let go of a claim'
            cand retract 'Withdraw an entry written by mistake: it leaves status, log, search and the postmortem'
            cand unretract 'Bring back a retracted entry'
            cand unlink 'Remove the link between two entries (either direction)'
            cand run 'Run a command, show its output live, and record it as evidence'
            cand status 'The hand-over briefing of the current case'
            cand log 'The timeline, oldest first'
            cand show 'One entry whole, with links, context, attachments and history'
            cand edit 'Amend an entry''s text in $VISUAL/$EDITOR (earlier text is kept as history)'
            cand search 'Full-text search in the current case, or every case with --all'
            cand close 'Close the current case'
            cand reopen-case 'Reopen a closed case'
            cand export 'Export the postmortem (Markdown) or the whole case as a JSON bundle'
            cand minutes 'What each person did across all cases in a period, as Markdown for a weekly call'
            cand import 'Merge a JSON bundle into the case with the bundle''s UUID'
            cand attachment 'Write an attachment back out'
            cand hook 'Install, remove or inspect the git post-commit hook'
            cand completions 'Print a shell completion script'
            cand config 'Show the configuration file''s path or the effective configuration'
            cand sync 'Exchange cases with a git remote: fetch every case there, send the shared ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'casefile;new'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --slug 'Use this slug instead of deriving one from the title'
            cand --ticket 'A ticket reference (repeatable)'
            cand --tag 'A tag (repeatable)'
            cand -d 'The problem statement (what was reported, how to reproduce, when it is worse), written as the case''s first note and pinned; `-d -` reads it from stdin'
            cand --description 'The problem statement (what was reported, how to reproduce, when it is worse), written as the case''s first note and pinned; `-d -` reads it from stdin'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;list'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --open 'Only open cases (the default)'
            cand --closed 'Only closed cases (resolved or abandoned)'
            cand --all 'Every case'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;ls'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --open 'Only open cases (the default)'
            cand --closed 'Only closed cases (resolved or abandoned)'
            cand --all 'Every case'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;use'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;note'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand --pin 'Pin the note: pinned entries head `casefile status` in full (a hand-over note)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;n'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand --pin 'Pin the note: pinned entries head `casefile status` in full (a hand-over note)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hypo'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hypothesis'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;h'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;ev'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --supports 'The hypothesis this evidence supports'
            cand --refutes 'The hypothesis this evidence refutes'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;evidence'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --supports 'The hypothesis this evidence supports'
            cand --refutes 'The hypothesis this evidence refutes'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;e'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --supports 'The hypothesis this evidence supports'
            cand --refutes 'The hypothesis this evidence refutes'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;dead'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --of 'The hypothesis this dead end rules out (it becomes refuted)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;dead-end'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --of 'The hypothesis this dead end rules out (it becomes refuted)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;d'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --of 'The hypothesis this dead end rules out (it becomes refuted)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;event'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand --good 'A moment known to be before the fault (the last known good), like `git bisect good`'
            cand --bad 'A moment known to be after the fault (the first known bad), like `git bisect bad`'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;at'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand --good 'A moment known to be before the fault (the last known good), like `git bisect good`'
            cand --bad 'A moment known to be after the fault (the first known bad), like `git bisect bad`'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;todo'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --owner 'Who will do it'
            cand --due 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)'
            cand --ticket 'The ticket that tracks it'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;action'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --owner 'Who will do it'
            cand --due 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)'
            cand --ticket 'The ticket that tracks it'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;a'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`'
            cand --tag 'A tag (repeatable)'
            cand --file 'Attach a file (repeatable)'
            cand --owner 'Who will do it'
            cand --due 'When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`)'
            cand --ticket 'The ticket that tracks it'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --at-text 'When it happened: the first timestamp in the text itself (a pasted log line)'
            cand -e 'Write the text in $VISUAL/$EDITOR'
            cand --edit 'Write the text in $VISUAL/$EDITOR'
            cand --no-redact 'Store the text and attachments as they are, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;confirm'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --because 'Why: an entry number, or text recorded as new evidence and linked'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;refute'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --because 'Why: an entry number, or text recorded as new evidence and linked'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;reopen'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --because 'Why: an entry number, or text recorded as new evidence and linked'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;done'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;pin'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;unpin'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;claim'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;unclaim'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;retract'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --because 'Why it is withdrawn (kept with the change, shown by `show`)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;unretract'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;unlink'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;run'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --supports 'The hypothesis this run supports'
            cand --refutes 'The hypothesis this run refutes'
            cand --tag 'A tag (repeatable)'
            cand -m 'A caption for the run, shown as its headline (the command and its status follow)'
            cand --message 'A caption for the run, shown as its headline (the command and its status follow)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --no-redact 'Store the output as it is, without secret redaction'
            cand --pty 'Run the command on a pseudo-terminal, for programs that buffer or drop colour when piped (its stdout and stderr are then one stream, recorded together)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'casefile;status'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;log'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --kind 'Only entries of this kind (repeatable): note, hypothesis, evidence, dead-end, event, action'
            cand --since 'Only entries at or after this time'
            cand --limit 'Keep only the latest N entries'
            cand --author 'Only entries written by this author (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --all 'Also show retracted entries'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;show'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'casefile;edit'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --at 'Correct when it happened instead of editing the text (the earlier time is kept in its history; same forms as `--at` of a write)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --no-redact 'Store the new text as it is, without secret redaction'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;search'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --limit 'At most this many results'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --all 'Search every case, not only the current one'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;close'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --summary 'What happened, in a few sentences'
            cand --impact 'Who or what was affected, and how much'
            cand --root-cause 'The root cause'
            cand --fix 'The fix'
            cand --lessons 'Lessons learned'
            cand --trigger 'What set the fault off (the SRE postmortem''s "trigger")'
            cand --detection 'How the incident was noticed'
            cand --mitigation 'What stopped the harm, as against the permanent fix'
            cand --went-well 'Lessons: what went well'
            cand --went-wrong 'Lessons: what went wrong'
            cand --lucky 'Lessons: where we got lucky'
            cand --started 'When the incident started (else the postmortem takes the first event)'
            cand --detected 'When the incident was detected'
            cand --mitigated 'When the harm stopped (mitigated)'
            cand --resolved-at 'When the incident was resolved for good'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --resolved 'Close as resolved (the default)'
            cand --abandoned 'Close as abandoned'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;reopen-case'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;export'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --format 'What to export'
            cand -o 'Write to this file (atomically) instead of stdout'
            cand --output 'Write to this file (atomically) instead of stdout'
            cand --template 'Render the postmortem with a template: a built-in one (`default`, `sre`, `aar`) or the path of a MiniJinja template (its context is the JSON bundle; `./sre` for a file called `sre`)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --list-templates 'List the built-in templates and exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;minutes'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --since 'From this time (default: 7 days ago)'
            cand --until 'Up to this time (default: now)'
            cand --author 'Only this person (repeatable)'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --all 'All time, not a period'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;import'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --as 'Create the case under this slug when the bundle''s slug is taken by another case'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;attachment'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand -o 'Write to this file instead of stdout'
            cand --output 'Write to this file instead of stdout'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hook'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
            cand install 'Add the post-commit hook to a repository (an existing hook is kept and still runs)'
            cand uninstall 'Remove the hook, leaving exactly what was there before'
            cand status 'Whether the hook is installed, and which case commits now feed'
            cand post-commit 'The hook''s own entry point, called by the installed script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'casefile;hook;install'= {
            cand --repo 'The repository (default: the one containing the current directory)'
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hook;uninstall'= {
            cand --repo 'The repository (default: the one containing the current directory)'
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hook;status'= {
            cand --repo 'The repository (default: the one containing the current directory)'
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hook;post-commit'= {
            cand --repo 'The repository (default: the one containing the current directory)'
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;hook;help'= {
            cand install 'Add the post-commit hook to a repository (an existing hook is kept and still runs)'
            cand uninstall 'Remove the hook, leaving exactly what was there before'
            cand status 'Whether the hook is installed, and which case commits now feed'
            cand post-commit 'The hook''s own entry point, called by the installed script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'casefile;hook;help;install'= {
        }
        &'casefile;hook;help;uninstall'= {
        }
        &'casefile;hook;help;status'= {
        }
        &'casefile;hook;help;post-commit'= {
        }
        &'casefile;hook;help;help'= {
        }
        &'casefile;completions'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;config'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
            cand path 'Print the path of the configuration file'
            cand show 'Print the effective configuration and where each value came from'
            cand get 'Print the effective value of one setting (e.g. `author`, `claims.expire`)'
            cand set 'Write one setting into the config file, keeping its comments and order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'casefile;config;path'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;config;show'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;config;get'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;config;set'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;config;help'= {
            cand path 'Print the path of the configuration file'
            cand show 'Print the effective configuration and where each value came from'
            cand get 'Print the effective value of one setting (e.g. `author`, `claims.expire`)'
            cand set 'Write one setting into the config file, keeping its comments and order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'casefile;config;help;path'= {
        }
        &'casefile;config;help;show'= {
        }
        &'casefile;config;help;get'= {
        }
        &'casefile;config;help;set'= {
        }
        &'casefile;config;help;help'= {
        }
        &'casefile;sync'= {
            cand -C 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --case 'Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`)'
            cand --color 'When to use colour'
            cand --tz 'Show times in this zone (an IANA name such as America/New_York) in status, log and list'
            cand --json 'Print JSON instead of text (writes print the entry)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand --utc 'Show times in UTC in status, log and list'
            cand --all 'Share every local case (else the current one, or `-C`, joins the shared ones)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'casefile;help'= {
            cand new 'Create a case and make it current'
            cand list 'List cases: slug, title, state, open hypotheses, entries, last activity'
            cand use 'Make a case current'
            cand note 'Write a note: anything worth keeping'
            cand hypo 'Write a hypothesis: a suspected cause'
            cand ev 'Write evidence: an observation, log excerpt, trace or command output'
            cand dead 'Write a dead end: a path tried and ruled out, and why'
            cand event 'Write an event: something that happened at a time (deploy, first report, data lost)'
            cand todo 'Write an action: a next step or follow-up'
            cand confirm 'Mark a hypothesis confirmed'
            cand refute 'Mark a hypothesis refuted (it becomes a dead end)'
            cand reopen 'Reopen a confirmed or refuted hypothesis, or a done action'
            cand done 'Mark an action done'
            cand pin 'Pin an entry: pinned entries head `casefile status` in full'
            cand unpin 'Unpin an entry'
            cand claim 'Say you are on a hypothesis or action now (shown in status; ends when it is settled)'
            cand unclaim 'Let go of a claim'
            cand retract 'Withdraw an entry written by mistake: it leaves status, log, search and the postmortem'
            cand unretract 'Bring back a retracted entry'
            cand unlink 'Remove the link between two entries (either direction)'
            cand run 'Run a command, show its output live, and record it as evidence'
            cand status 'The hand-over briefing of the current case'
            cand log 'The timeline, oldest first'
            cand show 'One entry whole, with links, context, attachments and history'
            cand edit 'Amend an entry''s text in $VISUAL/$EDITOR (earlier text is kept as history)'
            cand search 'Full-text search in the current case, or every case with --all'
            cand close 'Close the current case'
            cand reopen-case 'Reopen a closed case'
            cand export 'Export the postmortem (Markdown) or the whole case as a JSON bundle'
            cand minutes 'What each person did across all cases in a period, as Markdown for a weekly call'
            cand import 'Merge a JSON bundle into the case with the bundle''s UUID'
            cand attachment 'Write an attachment back out'
            cand hook 'Install, remove or inspect the git post-commit hook'
            cand completions 'Print a shell completion script'
            cand config 'Show the configuration file''s path or the effective configuration'
            cand sync 'Exchange cases with a git remote: fetch every case there, send the shared ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'casefile;help;new'= {
        }
        &'casefile;help;list'= {
        }
        &'casefile;help;use'= {
        }
        &'casefile;help;note'= {
        }
        &'casefile;help;hypo'= {
        }
        &'casefile;help;ev'= {
        }
        &'casefile;help;dead'= {
        }
        &'casefile;help;event'= {
        }
        &'casefile;help;todo'= {
        }
        &'casefile;help;confirm'= {
        }
        &'casefile;help;refute'= {
        }
        &'casefile;help;reopen'= {
        }
        &'casefile;help;done'= {
        }
        &'casefile;help;pin'= {
        }
        &'casefile;help;unpin'= {
        }
        &'casefile;help;claim'= {
        }
        &'casefile;help;unclaim'= {
        }
        &'casefile;help;retract'= {
        }
        &'casefile;help;unretract'= {
        }
        &'casefile;help;unlink'= {
        }
        &'casefile;help;run'= {
        }
        &'casefile;help;status'= {
        }
        &'casefile;help;log'= {
        }
        &'casefile;help;show'= {
        }
        &'casefile;help;edit'= {
        }
        &'casefile;help;search'= {
        }
        &'casefile;help;close'= {
        }
        &'casefile;help;reopen-case'= {
        }
        &'casefile;help;export'= {
        }
        &'casefile;help;minutes'= {
        }
        &'casefile;help;import'= {
        }
        &'casefile;help;attachment'= {
        }
        &'casefile;help;hook'= {
        }
        &'casefile;help;completions'= {
        }
        &'casefile;help;config'= {
        }
        &'casefile;help;sync'= {
        }
        &'casefile;help;help'= {
        }
    ]
    $completions[$command]
}
