from . import test_reply_clock
