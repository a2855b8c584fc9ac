"""Helpers of check-html.sh around a page Chromium loaded.

result.py < DOM            prints the text of <pre id="limber-test"> (a check's finding)
result.py --inject JS < HTML   prints the page with the check's script appended to <body>
"""
import html
import re
import sys

if len(sys.argv) == 3 and sys.argv[1] == "--inject":
    page = sys.stdin.read()
    with open(sys.argv[2], encoding="utf-8") as f:
        script = f.read()
    if "</body>" not in page:
        sys.exit("the page has no </body>")
    sys.stdout.write(page.replace("</body>", "<script>\n" + script + "</script>\n</body>", 1))
    sys.exit(0)

dom = sys.stdin.read()
found = re.search(r'<pre id="limber-test">(.*?)</pre>', dom, re.S)
if not found:
    sys.exit("the check's script left no result in the page (did it fail to run?)")
print(html.unescape(found.group(1)))
