import { run } from '../../plugins/remark-spec/test/processor.ts';
const src = `# T
::section{#t}

::::example[Hostile]{#hostile}
:::user
[ref link][evil] and ![img][evilimg] and <javascript:alert(1)> and [x](JaVaScRiPt:alert(1)) and [y]( java\tscript:alert(1))
and [d](data:text/html,<script>alert(1)</script>) [v](vbscript:x)

[evil]: javascript:alert(2)
[evilimg]: javascript:alert(3)
:::

:::compliant[ok]
<img src=x onerror=alert(1)> <a href="javascript:alert(1)">a</a>
<svg onload=alert(1)>
<iframe src="javascript:alert(1)"></iframe>
:::
::::

Outside: [evil2][evil] <script>alert(9)</script> [z](javascript:alert(1))
`;
const r = await run(src);
console.log(r.html);
console.log(r.messages.map(String));
