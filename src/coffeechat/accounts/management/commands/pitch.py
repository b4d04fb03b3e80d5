import json

from coffeechat.accounts.cli import UserCommand
from coffeechat.accounts.pitch import TARGET_SECONDS, pitch_for, speaking_seconds


class Command(UserCommand):
    help = "Print your 30-second introduction (edit it in Settings); a draft from your profile until you write one."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        user = self.get_user(options)
        text = pitch_for(user)
        seconds = speaking_seconds(text)
        if options["json"]:
            self.stdout.write(json.dumps({"pitch": text, "words": len(text.split()), "seconds": seconds,
                                          "written": bool(user.pitch.strip())}, ensure_ascii=False, indent=2))
            return
        self.stdout.write(text)
        if not user.pitch.strip():
            self.stderr.write("This is a draft from your profile: make it your own in Settings.")
        elif seconds > TARGET_SECONDS + 10:
            self.stderr.write(f"About {seconds} seconds spoken: aim for {TARGET_SECONDS}.")
