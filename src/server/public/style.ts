/**
 * The portal's one stylesheet, served at /public/portal.css. Readable on a phone (one column,
 * no fixed widths, tables scroll inside their own box), text and links at AA contrast or better,
 * a visible focus ring on every control, and a skip link that shows when focused.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}
a{color:#0b4f9c;text-decoration:underline;text-underline-offset:2px}
a:visited{color:#5a2d82}
a:hover{color:#062d5a}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #1b1b1b;box-shadow:0 0 0 6px #ffdd00}
.skip{position:absolute;left:-999px;top:0;background:#ffdd00;color:#1b1b1b;padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
header.site{background:#0b2545;color:#fff;padding:.75rem 1rem}
header.site a{color:#fff}
header.site .name{font-weight:700;font-size:1.2rem;text-decoration:none}
header.site nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
footer.site{border-top:1px solid #6b6b6b;padding:1rem;max-width:60rem;margin:2rem auto 0;font-size:.9rem}
h1{font-size:1.8rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
.lede{font-size:1.1rem}
.muted{color:#4a4a4a}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #8a8a8a}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ul.records{padding-left:1.25rem}
ul.records li{margin:.25rem 0}
.notice{border-left:6px solid #0b4f9c;background:#eef4fb;padding:.5rem 1rem;margin:1rem 0}
.notice.error{border-color:#a4000f;background:#fbeeee}
.question{border:1px solid #8a8a8a;border-radius:4px;padding:.75rem 1rem;margin:.75rem 0}
.question .text{white-space:normal;overflow-wrap:anywhere}
.answer{border-left:4px solid #1d6b2f;padding:.25rem .75rem;margin-top:.5rem;background:#f1f8f2}
form.ask label,form.search label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=search],textarea{width:100%;max-width:40rem;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:3px;background:#fff;color:#1b1b1b}
textarea{min-height:8rem}
.hint{color:#4a4a4a;font-size:.95rem;margin:0 0 .25rem}
button{font:inherit;font-weight:600;background:#1d6b2f;color:#fff;border:2px solid #1d6b2f;border-radius:3px;padding:.5rem 1rem;margin-top:.75rem;cursor:pointer}
button:hover{background:#154f22}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
form.search div{flex:1 1 16rem}
mark{background:#ffdd00;color:#1b1b1b}
`;
