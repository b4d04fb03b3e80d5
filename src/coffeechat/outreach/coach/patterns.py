"""What each outreach check looks for, as word patterns. They run on the email's main body (greeting and
sign-off removed, bracketed prompts blanked), one sentence at a time where the sentence matters.

Written from PRODUCT.md's definitions and from how people really phrase these things (the labelled
corpus in bench/corpus/ measures them; see bench/README.md, "Coaches").
"""

import re

from coffeechat.outreach.coach.gate import Gated, gated

I = re.I  # noqa: E741 - a short flag name keeps the patterns readable

# A person named in the text: "Priya", "Dr. Cho", "Ms Gagnon", "my professor", "our lecturer" …
_TITLE = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Coach|Sir|Madam)\.?"
_CAP = r"[A-ZÀ-Ý][\w’'-]+"
_PERSON = (rf"(?:{_TITLE}\s+{_CAP}(?:\s+{_CAP})?|{_CAP}(?:\s+{_CAP})?"
           r"|(?i:(?:my|our|a|the) (?:\w+[ -]){0,3}(?:friend|colleague|professor|lecturer|tutor|teacher|advisor|adviser|"
           r"supervisor|mentor|manager|boss|instructor|coach|counsellor|counselor|coordinator|uncle|aunt|mum|mom|dad|"
           r"father|mother|grandmother|grandfather|cousin|sister|brother|neighbou?r|president|classmate|educator)))")

INTRODUCES_SELF = [
    re.compile(r"\bmy name(?:'s| is)\b", I),
    re.compile(r"\b(?:i am|i'm|i’m)\s+(?:currently |now )?(?:switching|moving|transitioning|retraining|pivoting|"
               r"changing careers|training (?:as|to be)|returning to|re-?entering|coming back to)\b", I),
    re.compile(r"\b(?:i am|i'm|i’m|im)\s+(?:a|an|the|now|currently|finishing|completing|studying|working|graduating|"
               r"in (?:my|the) (?:\w+ )?(?:year|semester|term)|about to|a recent|one of|part of|also)\b", I),
    re.compile(r"\b(?:i am|i'm|i’m)\s+(?:(?:\w+[ -]){0,3})(?:student|graduate|grad|engineer|teacher|nurse|analyst|developer|"
               r"designer|manager|officer|consultant|researcher|doctor|lawyer|paralegal|accountant|apprentice|trainee|"
               r"veteran|journalist|reporter|librarian|scientist|chemist|technician|candidate|fellow|postdoc|junior|"
               r"senior|sophomore|freshman|fresher|undergrad\w*|intern|professional|founder|writer|translator|therapist|"
               r"hygienist|pharmacist|architect|electrician|officer|changer|parent)\b", I),
    re.compile(rf"\b(?i:i am|i'm|i’m|this is)\s+{_CAP}(?:\s+{_CAP})?\s*(?:[,—–(-]|\band\b|\bfrom\b|\bat\b|\bhere\b)"),
    re.compile(r"\bi (?:recently |just )?(?:graduated|finished|completed|study|studied|work|worked|teach|taught|spent|"
               r"run|manage|lead|have (?:been )?(?:working|teaching|studying|spent)|have worked|have taught|"
               r"am (?:working|studying|training)|started (?:my|a) (?:degree|course|programme|program|career))\b", I),
    re.compile(r"\bas an? (?:\w+[ -]){0,4}(?:student|graduate|engineer|teacher|nurse|analyst|developer|designer|"
               r"career changer|professional|parent)\b", I),
    re.compile(r"\b(?:after|with) (?:\w+ ){0,2}(?:years?|decades?)(?:'|’)? (?:as|in|at|of)\b", I),
    re.compile(r"\bmy (?:degree|course|programme|program|studies|major|thesis|dissertation|phd|master'?s|mba) (?:in|is|at|on)\b", I),
]

_FIND = r"(?:found|find|came across|come across|saw|seen|see|noticed|spotted|discovered|located|stumbled (?:up)?on|got|had|was given|were given)"
_WHERE = (r"(?:linkedin|directory|directories|member(?:s|ship)?(?:'|’)? (?:list|directory|portal|pages?)|mentor(?:ing|ship)? "
          r"(?:list|scheme|programme|program|platform|portal|network)|alumni|alumnae|alum\b|network|portal|database|"
          r"team page|staff page|speaker list|website|site\b|slack|discord|newsletter|forum|community|group|society|"
          r"association|chapter|club|guild|institute|panel|conference|meetup|meet-up|symposium|fair|summit|webinar|"
          r"podcast|episode|blog|article|column|magazine|journal|profile|page|channel|thread|post|poster|exhibition|"
          r"event|evening|session|lecture|seminar|talk)")
_WORK_THING = (r"(?:talk|presentation|panel|keynote|session|podcast|episode|webinar|interview|lecture|workshop|article|"
               r"piece|post|blog|column|op-?ed|paper|poster|thread|book|video|channel|newsletter|fireside chat|"
               r"case study|profile|portfolio|exhibition|show|guest lecture|seminar|story|write-?up)")

NAMES_CONNECTION = [
    # someone passed them on
    re.compile(r"\b(?:suggested|recommended|encouraged me|advised me|told me|mentioned|pointed me|put me)\b"
               r".{0,60}\b(?:reach out|contact|write|get in touch|speak|talk|connect|email|ask|you|your)\b", I),
    re.compile(r"\b(?:gave|passed|shared|forwarded|sent|handed) (?:me )?(?:along |on )?your (?:name|email|e-mail|contact|"
               r"details|number|address|info)", I),
    re.compile(r"\bput (?:me|us) in touch\b|\b(?:was|been|were) referred to you\b|\bat the suggestion of\b|"
               r"\bon the (?:recommendation|advice) of\b|\bat (?:\w+(?:'s|’s)) (?:suggestion|recommendation)\b|"
               r"\bfollow you on\b|\bour paths crossed\b|\blinkedin\b|\b(?:i|we) (?:was|were) (?:in|on) your "
               r"(?:class|course|module|lecture|seminar|workshop|team|panel)\b", I),
    re.compile(r"\bthought (?:of you|you(?:'d|’d| would| might| could)|i should (?:reach out|write|contact|get in touch))\b", I),
    re.compile(r"\b(?:said|says|reckons) (?:that )?you\b", I),
    re.compile(r"\b(?:profile|interview|article|piece|feature|story|write-?up) (?:of|with|about|on) you\b", I),
    re.compile(r"\b(?:referred me|put me (?:in touch|onto|on to) you|introduced (?:me|us)|connected us|mentioned (?:you|your name)|"
               r"(?:spoke|speaks|spoken) (?:very |so )?highly of your?|pointed me (?:to|towards|toward) (?:you|your))\b", I),
    re.compile(r"\byour (?:name|email|e-mail|details|contact|number|reference|profile)\b.{0,25}\b(?:came up|was given|"
               r"were given|was suggested|was passed|is on|was on|is listed|appears|appeared|from|through|via)\b", I),
    re.compile(r"\bgot your (?:name|email|e-mail|contact|details|number|reference|info)\b", I),
    # people in common
    re.compile(r"\b(?:mutual|shared) (?:friend|contact|connection|colleague|acquaintance)s?\b", I),
    re.compile(r"\bwe (?:share|have) (?:a |an |some )?(?:mutual )?(?:connection|contact|friend|colleague)s?\b", I),
    re.compile(r"\b(?:a |my |our )?(?:former |old )?(?:friend|colleague|classmate|teammate|student|co-?worker) of yours\b", I),
    re.compile(r"\byour (?:former )?(?:colleague|co-?worker|classmate|teammate|student|friend|mentee)\b", I),
    re.compile(r"\b(?:works?|worked|volunteered|volunteers|studied|trained|plays?|played|served) (?:\w+ ){0,2}with you\b", I),
    re.compile(r"\bwe (?:both|each|all) (?:studied|attended|graduated|worked|went|belong|are|were|know)\b", I),
    re.compile(r"\bwe(?:'re| are| were) both\b", I),
    re.compile(r"\bfellow (?:\w+ ){0,2}(?:alum|alumna|alumnus|alumni|graduate|grad|member|student|aggie|wildcat|brownie|"
               r"rotaractor|kiwanis|veteran)\w*", I),
    re.compile(r"\b(?:alumni|alumnae|alum) (?:network|directory|database|association|group|list|portal|office|"
               r"mentoring|mentorship|community|page|linkedin)", I),
    # where they found them
    re.compile(rf"\b{_FIND} (?:you|your (?:\w+ ){{0,2}}(?:name|profile|details|email|page|bio|work|portfolio|blog|post|"
               rf"article|paper|poster|case study|research|practice|firm|website))\b.{{0,80}}\b(?:on|through|via|in|at|from|when|while)\b", I),
    re.compile(rf"\b{_FIND} you (?:on|through|via|in|at)\b", I),
    re.compile(rf"\b(?:on|through|via|in|from|at) (?:the |our |my |a |their )?(?:(?!your\b)[\w&'’.-]+ ){{0,6}}{_WHERE}\b", I),
    re.compile(r"\b(?:connect(?:ed|ing)?|connection) on linkedin\b|\bon linkedin\b", I),
    # their talk, writing or show
    re.compile(rf"\b(?:heard|attended|saw|seen|watched|listened to|listen to|enjoyed|read|reading|caught|loved|follow|"
               rf"followed|following|been following|been listening to|came to|went to|hosted) (?:\w+ ){{0,3}}your "
               rf"(?:\w+[ -]){{0,4}}(?:{_WORK_THING}|work|research|writing|career)\b", I),
    re.compile(r"\b(?:heard|saw|watched|listened to|caught) you (?:speak|talk|present|on|at|in)\b", I),
    re.compile(r"\byou (?:spoke|presented|talked|gave a talk|gave a presentation|were on the panel|were speaking) "
               r"(?:at|to|on|about|during)\b", I),
    re.compile(rf"\byour (?:[\w-]+ ){{0,2}}{_WORK_THING}\b.{{0,100}}\b(?:was|were|is|has|really|stuck|stayed|resonated|struck|answered|"
               r"caught|made|gave|felt|helped)\b", I),
    re.compile(r"\b(?:listener|reader|viewer|subscriber|follower)\b", I),
    # met before
    re.compile(r"\bwe(?:'ve| have)? (?:met|spoke|chatted|talked)\b", I),
    re.compile(r"\b(?:met|meeting) you\b", I),
    re.compile(r"\bsaw (?:on|in) (?:your|the) \w+", I),
    re.compile(rf"\b{_PERSON} (?:told me about|speaks highly of|said you|says you|thought you|reckons|mentioned that you|"
               r"suggested|recommended|connected)\b"),
]

# What they did, in any tense: "you moved", "you've been running", "you set up", "you're leading".
_SPECIFIC_OF_YOU = (r"(?:mov|switch|transition|went|go(?:ne)?\b|made|mak|led\b|lead|built|build|wrote|writ|start|found|"
                    r"set up|manag|spent|spend|run|ran\b|design|launch|develop|creat|speciali[sz]|coordinat|practi[cs]|"
                    r"present|spoke|train|join|left\b|leav|worked|took|tak|grew|grow|scal|help|chose|choos|did\b|"
                    r"return|became|becom|came|arriv|began|begin|combin|teach|taught|overs|direct|head|research|publish|"
                    r"co-?found|pivot|chang|retrain|qualif|complet|earn|stud|serv|volunteer|lectur|host|won\b|"
                    r"redesign|migrat|pioneer|establish|introduc|implement|shap|turn|brought|bring|juggl|balanc|"
                    r"navigat|trod|walk)\w*")
_PRAISE = (r"(?:brilliant|extraordinary|amazing|inspiring|inspirational|fascinating|excellent|great|helpful|useful|"
           r"eye-opening|wonderful|incredible|impressive|superb|honest|insightful|thought-provoking|powerful|"
           r"beautiful|clear|moving|memorable|refreshing|candid)")
EXPLAINS_WHY_THEM = [
    re.compile(rf"\byou(?:'ve|’ve| have| had|'d|’d)? (?:\w+ )?{_SPECIFIC_OF_YOU}", I),
    re.compile(r"\b(?:as|like) (?:someone|a person|the person|one of the (?:few )?people) (?:who|that)\b|\bgiven your\b|"
               r"\bwith your (?:\w+ )?(?:experience|background|years|history|track record)\b|"
               r"\b(?:the|a) (?:kind|sort|type) of (?:path|move|switch|work|career|route|jump|transition|change)\b|"
               r"\b(?:part of|the reason|reason) (?:why|that|i)\b|\bis why i\b", I),
    re.compile(rf"\byour\b[^.?!\n]{{0,60}}\b(?:was|were|is|are|felt|seemed)\s+(?:\w+ )?{_PRAISE}\b", I),
    re.compile(r"\byour\b[^.?!\n]{0,60}\b(?:made me|got me|led me|is what|prompted me|convinced me|inspired me|"
               r"encouraged me|pushed me|gave me the push)\b", I),
    re.compile(r"\byour (?:\w+ )?(?:work|experience|role|years) (?:\w+ing)\b(?<!\bbeing)(?<!\bthing)", I),
    re.compile(r"\b(?:interested|excited|intrigued|fascinated|thrilled|pleased|happy|delighted|loved|enjoyed|surprised)"
               r" (?:to )?(?:see|seeing|read|reading|learn|learning|hear|hearing|discover|discovering|find|finding)"
               r" (?:that |how |about |what )?(?:you|your)\b", I),
    re.compile(r"\byou(?:'re|’re| are| were|'ve been|’ve been| have been| had been)\s+(?:now |currently |still )?"
               r"(?:a|an|the|one of|part of|leading|running|responsible for|on the (?:[\w-]+ ){1,3}team|at \w+ for)\b", I),
    re.compile(r"\b(?:profile|interview|article|piece|feature|story|write-?up) (?:of|with|about|on) you\b", I),
    re.compile(r"\b(?:because|since|as) you\b", I),
    re.compile(rf"\byour (?:[\w-]+ ){{0,2}}(?:{_WORK_THING[3:-1].replace('profile|', '')}|research|project|projects|career|path|route|move|"
               r"transition|switch|jump|journey|story|book|point|comment|example|account|episode)\b.{0,60}\b(?:on|in|at|"
               r"from|into|as|with|about|building|leading|for|of|was|is|has|really|stuck|stayed|resonated|struck|"
               r"answered|caught|made|gave|felt|helped|reason)\b", I),
    re.compile(r"\byour (?:\w+(?:'s|’s)? )?(?:work|role|years|experience|background) (?:in both|across|at both|on|leading|building|"
               r"running|coordinating|with|as an? \w+|designing|developing|setting up)\b", I),
    re.compile(r"\b(?:i was|i am|i'm|i’m|i've been|i have been|i felt|really|was|were) (?:\w+ )?(?:struck|impressed|"
               r"inspired|fascinated|intrigued|moved|drawn) (?:by|to|with)\b|\binterested (?:to (?:see|read|learn)|in your)\b", I),
    re.compile(r"\bi (?:really )?(?:enjoyed|loved|admired|appreciated|liked|keep thinking about) (?:your|how you|the way you|"
               r"what you|the bit|the part|that you)\b", I),
    re.compile(r"\b(?:exactly|precisely|just) (?:what|the (?:move|switch|path|kind|sort|jump|area))\b", I),
    re.compile(r"\b(?:i (?:saw|see|noticed|read|learned|learnt|understand|heard)) (?:that )?(?:you|your)\b", I),
    re.compile(r"\byour (?:name|profile|background|experience|story|path|work)\b.{0,40}\b(?:because|since|as you)\b", I),
    re.compile(r"\b(?:who|that) (?:has|have|had)? ?(?:been|worked|moved|made|built|led|spent|started|run|founded|went)\b"
               r".{0,60}\byou\b", I),
]

INFORMATION_NOT_JOB = [
    re.compile(r"\blearn(?:ing|t|ed)?\b", I),
    re.compile(r"\b(?:advice|advise|insights?|perspective|thoughts|guidance|suggestions|tips|take on|view on|views on|"
               r"opinion|input|wisdom|counsel|pointers|recommendations?)\b", I),
    re.compile(r"\bhear(?:ing)? (?:about|more|how|what|why|whether|your|a bit|any|the|if)\b", I),
    re.compile(r"\b(?:ask|talk|chat|speak|questions?|conversations?|discuss(?:ion)?) (?:to you |with you |you )?"
               r"(?:about|how|what|whether|why|on|your|the)\b|"
               r"\bshare your (?:experience|story|thoughts|journey|path)\b|\byour (?:view|views|take)\b", I),
    re.compile(r"\b(?:understand|understanding|figure out|work out|find out|know more|get a sense|get a feel)\b", I),
    re.compile(r"\binformational (?:interview|conversation|chat|call)\b", I),
    re.compile(r"\bask (?:you )?(?:a few|some|two or three|a couple of|a handful of|several|my) (?:\w+ )?questions\b", I),
    re.compile(r"\b(?:curious|exploring|explore|exploration)\b", I),
    re.compile(r"\b(?:would|do|could|can) you (?:\w+ )?(?:recommend|suggest|advise)\b", I),
    re.compile(r"\bpick your brain\b|\bhow you (?:made|got|decided|chose|found|built|moved|went|see|think|approach|"
               r"manage|handle|balance|combine|evaluate)\b|\bwhat (?:it|the work|the job|the role) is (?:really )?like\b", I),
]

_JOB = (r"(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?|interns|postings?|opportunit(?:y|ies)|"
        r"placements?|traineeships?|apprenticeships?|graduate (?:schemes?|programmes?|programs?|jobs?|roles?)|"
        r"vacation schemes?|work experience|elective attachment|co-?op (?:position|placement|job)s?|employment|"
        r"job offers?)")
ASKS_FOR_JOB = [
    re.compile(r"\b(?:are|is) (?:you|your (?:\w+ )?(?:team|company|firm|department|group|organi[sz]ation|office|agency|"
               r"lab|studio|hospital)|(?:\w+ )?(?:team|company|firm)|you guys|\w+) (?:currently |still |at all )?"
               r"hiring\b", I),
    re.compile(rf"\b(?:any|open|available|upcoming|current|suitable|possible) (?:\w+[ -]){{0,3}}{_JOB}\b", I),
    re.compile(rf"\b{_JOB} (?:available|open|opening up|coming up|going|on your team|in your (?:team|company|firm|"
               r"department|office|organi[sz]ation))\b", I),
    re.compile(r"\b(?:pass|forward|send|share|hand|give|circulate|put) (?:along |on )?my (?:resume|résumé|cv|c\.v\.|"
               r"application|portfolio|details|name|profile)\b", I),
    re.compile(r"\b(?:pass|forward|send|share|get|put) (?:it|this|them|my \w+) (?:along |on |forward )?to (?:hr|the hiring|"
               r"your hiring|recruit|your recruit|the recruit|the right person)", I),
    re.compile(r"\b(?:attached|attach|enclosed|enclose|attaching|included|including) (?:is |are )?(?:a copy of )?my "
               r"(?:resume|résumé|cv|c\.v\.|cover letter|transcript|portfolio)\b", I),
    re.compile(r"\bmy (?:resume|résumé|cv|c\.v\.) (?:is |are )?(?:attached|enclosed|below)\b|\bfind attached\b|"
               r"\bplease find (?:attached|enclosed)\b", I),
    re.compile(r"\b(?:refer|recommend|nominate|put me forward|put me up|vouch for) (?:me|my name)\b", I),
    re.compile(rf"\b(?:referral|recommendation|reference) (?:for|to|into) (?:a |an |the |your |this |that )?"
               rf"(?:\w+[ -]){{0,3}}{_JOB}", I),
    re.compile(r"\b(?:could|would|can|will) (?:you )?(?:\w+ )?(?:refer|recommend) me\b|\b(?:a|your) referral\b", I),
    re.compile(r"\bput (?:in |a )?(?:a )?(?:good )?word in\b|\bput in a (?:good )?word\b", I),
    re.compile(r"\b(?:consider|keep|have) me (?:for|in mind|on file|on your radar)\b|\bkeep (?:me|my \w+) in mind\b|"
               r"\b(?:be|being) considered\b|\bkeep(?:ing)? (?:me|my \w+) in mind\b", I),
    re.compile(rf"\b(?:enquire|inquire|enquiring|inquiring|ask|asking) (?:about|regarding|after) (?:a |an |the |any )?"
               rf"(?:\w+[ -]){{0,3}}{_JOB}|\bdiscuss(?:ing)? (?:a|an|any|the|your) (?:\w+[ -]){{0,2}}{_JOB}", I),
    re.compile(rf"\bif your (?:\w+ )?(?:firm|company|team|organi[sz]ation|office|hospital|agency|studio|department|lab|"
               rf"group|practice) (?:\w+ ){{0,2}}(?:has|have|does|do|runs|run|offers|offer|takes|take|hires|hire)\b.{{0,40}}{_JOB}", I),
    re.compile(r"\b(?:if|in case|should|when) (?:anything|something|any(?:thing)? suitable|a (?:role|position|job|"
               r"vacancy|spot|place)|roles?|positions?|jobs?) (?:\w+ ){0,2}(?:opens? up|comes? up|becomes? available|"
               r"arises?)\b|\bin case (?:there is|there's|there might be) a fit\b|\bif there(?:'s| is) (?:ever )?a fit\b", I),
    re.compile(rf"\b(?:help|helping) me (?:to )?(?:get|land|find|secure|obtain|with) (?:a |an |the |my )?(?:\w+[ -]){{0,2}}"
               rf"(?:{_JOB}|application|foot in the door)", I),
    re.compile(rf"\b(?:looking|searching|hoping|seeking|applying|keen|eager|aiming|trying) (?:for|to (?:join|secure|get|land|"
               rf"find|start)) (?:a |an |any |the |some |your |new )?(?:\w+[ -]){{0,3}}(?:{_JOB}|place|spot|company|team)\b", I),
    re.compile(rf"\b(?:seeking|want|wanting|would like|hope|hoping) (?:a |an |to (?:get|secure|land) (?:a |an )?)?"
               rf"(?:\w+[ -]){{0,2}}{_JOB}\b", I),
    re.compile(rf"\b(?:apply|applying|applied|application) (?:for|to) (?:the |a |an |your |this |that |their |its )?"
               rf"(?:[\w-]+ ){{0,4}}(?:{_JOB}|programme|program|scheme|team|firm|company)\b", I),
    re.compile(r"\bmy application\b|\bhelp with my application\b", I),
    re.compile(r"\b(?:get|land|secure|arrange|offer) (?:me )?an? (?:job )?interview\b|\bhire me\b|"
               r"\bjoin your (?:company|team|firm|organi[sz]ation)\b|\b(?:love|like|want|hope|chance) to work (?:for|with) you\b", I),
    re.compile(r"\bjob[ -](?:hunting|hunt|searching|seeking|search)\b|\bon the job market\b", I),
    re.compile(r"\b(?:take|takes|taking|could take|accept|accepts|host|hosts) (?:on )?(?:me|interns|students|trainees|"
               r"apprentices|juniors|graduates)\b", I),
    re.compile(r"\blooking to (?:switch|move) (?:jobs|companies|roles)?\b.{0,80}\brefer\b", I),
    re.compile(r"\bfoot in the door\b|\b(?:be|become) part of your (?:team|company|firm|organi[sz]ation)\b|"
               r"\blooking for (?:my|a|the) (?:next|new|first) (?:\w+ ){0,2}(?:role|job|position|opportunity)\b", I),
    re.compile(r"\bready to (?:start|join|relocate)\b|\bam ready to relocate\b|\bstart immediately\b", I),
    re.compile(rf"\b(?:secure|get|land|find) (?:a |an |my )?(?:\w+[ -]){{0,2}}(?:place|spot|{_JOB})\b", I),
]
# The sender says what they are not after.
NEGATED = re.compile(
    r"\b(?:not|n't|never|no|nor)\b.{0,30}\b(?:ask\w*|looking|seeking|seek|request\w*|hoping|after|about|want\w*|"
    r"job-seeking|job seeking|job hunting|writing to|expect\w*|chasing)\b"
    r"|\bnot (?:a |an |for )?(?:job|position|role|placement|work|employment)\b|\bno (?:job|agenda|ask)\b"
    r"|\b(?:only|just|purely) (?:as|for) (?:background|context)\b|\bfor (?:background|context) only\b", I,
)
# A job word that only describes what the sender wants to learn about ("how did you find your first job?") …
ABOUT_JOBS = re.compile(
    r"\bhow (?:did )?(?:you|people|others|graduates|juniors|students|someone|one|to) (?:\w+ ){0,3}(?:found|find|get|got|"
    r"land|landed|secured|secure|applied|apply|break|broke|started|start)\b"
    r"|\bwhat (?:experience|skills|courses)\b|\badvice on how\b", I,
)
# … unless the job is at their own organisation ("if your firm runs vacation schemes, how do I get on one?").
AT_THEIR_PLACE = re.compile(
    rf"\byour (?:\w+ )?(?:firm|company|team|organi[sz]ation|office|hospital|agency|studio|department|lab|group|practice|"
    rf"bank|school|club)\b.{{0,40}}\b{_JOB}|\b{_JOB}\b.{{0,30}}\b(?:at|in|on|with) your\b", I,
)

_CONVERSATION = (r"(?:call(?:s|ing)?|chat(?:s|ting)?|conversation|coffee|tea|lunch|breakfast|meet(?:ing|ings|up)?|"
                 r"talk(?:s|ing)?|minutes?|mins?|hour|phone|video|zoom|teams|skype|whatsapp|speak(?:ing)?|time|"
                 r"catch[ -]up|connect(?:ing)?|discuss(?:ing)?|questions?|hop on|jump on|ring)")
CLEAR_REQUEST = [
    re.compile(rf"\b(?:would|could|can|might|may|will|shall)\s+(?:you|we|i)\b.{{0,90}}\b{_CONVERSATION}\b", I),
    re.compile(rf"\bi(?:'d|’d| would| will)? (?:\w+ )?(?:be (?:so |very |truly |really |most |extremely |enormously |"
               rf"\w+ )?(?:grateful|thankful|honou?red|delighted|glad)|appreciate|love|welcome|value|like)\b.{{0,80}}"
               rf"\b{_CONVERSATION}\b", I),
    re.compile(r"\b(?:is there|would there be|any) (?:a |any )?(?:time|chance|moment|possibility|opportunity)\b", I),
    re.compile(rf"\b(?:let me know|tell me|see) (?:if|whether|when|what)\b.{{0,80}}\b(?:{_CONVERSATION}|suits?|works?|open)\b", I),
    re.compile(r"\b(?:spare|find|set aside|make|give|grab|ask for|request|have|get|take) (?:me |us )?(?:\w+ ){0,3}"
               r"(?:minutes?|mins?|min|time|a moment|half an hour|an hour|a coffee|a call|a chat|a quick|a short|a brief)\b", I),
    re.compile(r"\b(?:may|can|could|might) i (?:buy|treat|take|call|ring|phone|trouble|ask|grab|get|have|book|schedule)\b", I),
    re.compile(rf"\b(?:would|could|might|is|will)\b.{{0,60}}\b{_CONVERSATION}\b.{{0,40}}\b(?:be possible|work|suit|"
               rf"be convenient|be ok|be okay|be alright)\b", I),
    re.compile(r"\b(?:arrange|set up|schedule|book|find) (?:a |some |an )?(?:\w+ )?(?:time|meeting|call|chat|"
               r"conversation|slot)\b", I),
    re.compile(rf"\b(?:free|available|up|around|keen|open) for (?:a |an )?(?:\w+[ -]){{0,3}}{_CONVERSATION}\b", I),
    re.compile(r"^(?:\d{1,3}|fifteen|twenty|ten|thirty|five)[ -]?(?:min|mins|minutes)\b.{0,60}\?", I),
    re.compile(r"\bgot (?:\d+|a few|five|ten|fifteen|twenty) (?:mins|minutes|min)\b", I),
    re.compile(rf"\b(?:happy|glad) to (?:{_CONVERSATION}|hop|jump)\b", I),
    re.compile(rf"\b(?:love|like|want) to (?:grab|get|have|do|hop on|jump on|set up|book) (?:a |an |some )?(?:\w+[ -]){{0,2}}"
               rf"{_CONVERSATION}\b", I),
    re.compile(r"\b(?:love|like|keen) to (?:chat|talk|speak|meet|connect)\b", I),
    re.compile(r"\bchance to meet\b|\bmeet with me\b|\bmeet you\b", I),
    re.compile(r"\b(?:i|we) (?:could|can|would be (?:happy|glad) to|am (?:happy|glad) to|'d be (?:happy|glad) to|’d be "
               r"(?:happy|glad) to) (?:\w+ ){0,2}(?:meet|talk|speak|chat|call|phone|come)\b", I),
    re.compile(r"\b(?:do|did|would) you have (?:\w+ ){0,3}(?:minutes?|mins?|time|a moment|an hour|half an hour)\b", I),
    re.compile(rf"\bwould (?:\w+ )?(?:love|like|appreciate|value|welcome|be grateful for)\b.{{0,60}}\b{_CONVERSATION}\b", I),
]

_NUMBER_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40,
                 "forty-five": 45, "sixty": 60, "ninety": 90}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
# Lengths of time: find "min…" first, then read the number, or range of numbers, just before it.
MINUTES_WORD = re.compile(r"min(?:s|utes?)?\b")
NUMBER_BEFORE = re.compile(rf"(?<!\w){_NUM}(?:\s*(?:-|–|—|to|or)\s*{_NUM})?[\s-]*$")
HALF_HOUR = re.compile(r"\b(half an hour|half-hour|half hour)\b", I)
QUARTER_HOUR = re.compile(r"\b(a )?quarter[\s-](of an )?hour\b", I)
HOURS = re.compile(r"\b(an|one|two|1|2|3|a couple of|an? \w+) hours?\b|\b(\d+(\.\d+)?|one and a half) hours\b", I)

WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b\.?", I)
_WEEKDAY_SHORT = re.compile(r"\b(?:sun|sat|mon|wed)\b(?!day)", I)  # ordinary words ("the sun") unless near a time
MONTH = r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)"
DATE = re.compile(rf"\b{MONTH}\.? \d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)?(\s*[-–]\s*\d{{1,2}})? (of )?{MONTH}\b|"
                  rf"\b\d{{1,2}}/\d{{1,2}}\b|\bthe \d{{1,2}}(st|nd|rd|th)\b|\bweek of \d", I)
CLOCK = re.compile(r"\b\d{1,2}([:.]\d{2})?\s?(am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b(noon|midday|lunchtimes?|lunch ?time)\b|"
                   r"\b(after|before|from|between|around|at|until|till) \d{1,2}([:.]\d{2})?\b(?! (?:years?|minutes?|mins?|people|percent|%))", I)
PART_OF_DAY = re.compile(r"\b(?:any|most|weekday|weekend|on|free|available|the|some|one|either)\s+(?:\w+\s+)?"
                         r"(?:mornings?|afternoons?|evenings?|arvos?|nights?|lunchtimes?)\b|\bweekends?\b|\bafter school\b|"
                         r"\bhalf[- ]term\b|\b(?:any|most) (?:weekday|day)s?\b|\btomorrow\b|\btonight\b", I)
_VAGUE_PART = re.compile(r"\b(?:some|one) (?:morning|afternoon|evening|day)\b", I)


def number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def any_match(patterns, text: str) -> bool:
    return any(p.search(text) for p in patterns)


def offers_times(text: str) -> bool:
    """Concrete days or times: a weekday, a date, a clock time, or a part of the day tied to the sender's week."""
    if any(m.group(0).lower() not in {"sun", "sat", "mon", "wed"} for m in WEEKDAY.finditer(text)):
        return True
    if CLOCK.search(text) or DATE.search(text):
        return True
    return any(not _VAGUE_PART.fullmatch(m.group(0)) for m in PART_OF_DAY.finditer(text))


# Every list of patterns runs behind a substring gate (see gate.py): same verdicts, a fraction of the time.
INTRODUCES_SELF, NAMES_CONNECTION, EXPLAINS_WHY_THEM, INFORMATION_NOT_JOB, ASKS_FOR_JOB, CLEAR_REQUEST = (
    gated(INTRODUCES_SELF), gated(NAMES_CONNECTION), gated(EXPLAINS_WHY_THEM), gated(INFORMATION_NOT_JOB),
    gated(ASKS_FOR_JOB), gated(CLEAR_REQUEST))
NEGATED, ABOUT_JOBS, AT_THEIR_PLACE = Gated(NEGATED), Gated(ABOUT_JOBS), Gated(AT_THEIR_PLACE)
HALF_HOUR, QUARTER_HOUR, HOURS = Gated(HALF_HOUR), Gated(QUARTER_HOUR), Gated(HOURS)
WEEKDAY, DATE, CLOCK, PART_OF_DAY = Gated(WEEKDAY), Gated(DATE), Gated(CLOCK), Gated(PART_OF_DAY)
