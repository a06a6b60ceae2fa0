/**
 * The passwords attackers try first, refused for new and changed passwords (NIST SP 800-63B
 * 5.1.1.2: "passwords obtained from previous breach corpuses" and "commonly-used" values).
 * A fact list, compiled by hand from the published breach-frequency lists: the UK National
 * Cyber Security Centre's 2019 analysis of the most-used passwords in Have I Been Pwned, the
 * yearly "worst passwords" lists of SplashData and NordPass, and the frequency counts of the
 * 2009 RockYou breach; with the keyboard runs, years and football clubs those lists show.
 * Entries are lower case; the comparison is too.
 */

const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer
zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie
robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle jessica
pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger
princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees
987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring montana moon
moscow password1 password123 password1234 passw0rd p@ssw0rd p@ssword pa55word pa55w0rd welcome
welcome1 welcome123 admin admin123 administrator root toor guest login changeme default secret
letmein123 qwerty123 qwerty1 qwertyuiop123 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsx
zaq1zaq1 q1w2e3r4 q1w2e3r4t5 asdfghjkl asdf1234 asdfasdf zxcvbnm123 abcd1234 abcdef abcdefg
abcdefgh 123abc a1b2c3 a1b2c3d4 1a2b3c4d aa123456 abc12345 iloveyou1 iloveyou2 lovely loveme
lovers love123 babygirl baby princess1 angel angel1 angels sweety sweetie sweetheart honey cookie
butterfly flower rainbow purple orange yellow banana apple chocolate 987654 7654321 87654321
0987654321 123654 147258 147258369 159357 258456 789456 789456123 741852963 963852741 321654
456789 123789 112233445566 123456789012 1234567891 12345678910 1122334455 1212121212 0123456789
00000000 0000000000 11111 111111111 1111111111 222222 22222222 333333 33333333 444444 55555555
88888888 99999999 999999 888888 12341234 12344321 123451234 1234512345 123123123 321321 101010
202020 123321123 69696969 1231234 123qweasd 123qweasdzxc qweasd qweasdzxc qwe123 qweqwe qwerty12
qwerty1234 qwerty12345 qwertz qwertzuiop azerty azertyuiop ytrewq asdfg asdfghjkl123 zxcvb
1qazxsw2 2wsx3edc 3edc4rfv jordan23 michael1 jessica1 ashley1 nicole1 daniel1 charlie1 jennifer1
superman1 batman1 football1 baseball1 soccer1 monkey1 shadow1 master1 dragon1 hello hello123
hello1 whatever secret1 computer1 internet samsung google yahoo facebook myspace linkedin twitter
instagram youtube netflix pokemon minecraft fortnite starwars1 startrek matrix1 trinity neo zion
merlin gandalf hobbit frodo harrypotter hermione voldemort pikachu naruto sasuke goku london
london1 england liverpool arsenal chelsea1 manchester manutd united tottenham everton celtic
rangers scotland wales ireland britain america usa canada australia newyork california texas
chicago boston miami paris france germany berlin spain madrid barcelona italia jesus jesus1
jesuschrist christ god godisgood blessed faith heaven angel123 trinity1 grace praise mustang1
ferrari porsche mercedes bmw audi honda toyota yamaha harley1 corvette camaro chevy ford jeep
nissan subaru volvo tigger1 pepper1 buster1 ginger1 maggie1 bailey bella molly lucky lucky1 max
buddy buddy1 rocky rocky1 sammy sammy1 coco oscar simba teddy bear kitty kitten cat dog puppy
summer1 winter spring autumn monday friday sunday january february march april june july august
september october november december michelle1 amanda1 anthony william richard joseph david james
john robert1 steven brandon justin jason joshua1 andrew1 matthew1 christopher chris thomas1
patrick benjamin samuel alexander alex nicholas jonathan kevin ryan eric brian scott mark paul
peter edward charles george1 harry jack oliver jacob ethan sarah emily emma olivia sophie hannah
lauren rachel rebecca megan jasmine victoria elizabeth samantha stephanie melissa heather amber
crystal diamond tiffany brittany natalie caroline charlotte lucy qwerty7 qwerty11 zaq123 1qaz1qaz
1q1q1q 1q2w3e 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1qaz2wsx3edc4rfv q1w2e3 qazwsxedc qazwsxedcrfv
qaz123 wsx123 zxc123 asd123 asdasd zxczxc trustno1trustno1 letmein1 letmeinnow opensesame open
sesame access14 accessdenied password! password12 password2 password3 password11 passwordpassword
password01 password99 password2024 password2025 password2026 p4ssword p455w0rd pa$$word pa$$w0rd
passwd pass123 pass1234 pass12345 passpass passport admin1 admin12 admin1234 admin12345
adminadmin administrator1 root123 rootroot superuser sysadmin system manager manager1 support
test test1 test123 test1234 testing testtest tester demo demo123 user user123 username guest123
temp temp123 temporary iloveu iloveyou123 ilovegod ilovemymom imissyou kissme fuckyou fuckoff
fuckme asshole bitch bitches pussy sexy sexy123 hottie hotstuff naughty football12 footballer
rugby cricket tennis golfer golf hockey1 basketball skater surfer runner swimming fishing hunting
hunter1 hunter2 killer1 ninja ninja1 samurai warrior soldier sniper pirate viking knight wizard
dragonball dragons master123 mastermind shadow123 superman123 batman123 spiderman ironman hulk
thor avengers marvel joker wolverine deadpool computer123 internet1 network server database
windows microsoft apple123 iphone android linux ubuntu hacker hacking hacked cyber security
secure secure123 private privacy abcabc abcabc123 abc123456 abcd123 abcde abcde12345 aaaaaaaa
aaaaaa1 aaa111 a123456 a12345678 a1234567 q123456 z123456 s123456 1234qwer 1234abcd 1234asdf
money money1 money123 cash dollar dollars million rich gold silver platinum diamonds treasure
family family1 friends friend forever forever1 together mother father mommy daddy sister brother
baby123 babyboy monkey12 monkey123 chicken chicken1 turkey tiger tigers lion lions eagle eagles
falcon hawk panther panthers cobra python snake shark dolphin music music1 guitar piano rock
rockstar rocknroll metallica nirvana beatles eminem shakira madonna pokemon1 zelda mario luigi
sonic xbox xbox360 playstation nintendo gamer gaming welcome2 welcome12 welcome2024 welcome2025
welcome2026 letmein2024 summer2024 summer2025 summer2026 winter2024 winter2025 spring2025
autumn2025 january2025 monday1 changeme123 changeit newpassword newpass mypassword mypass
mysecret yourpassword nopassword blank none null nothing unknown qwertyqwerty 1234554321
123454321 zxcvbnmasdfghjkl qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm abcdefghijkl
abcdefghijklmnop abcdefghijklmnopqrstuvwxyz 123456789a 123456789q 12345678a 12345qwert 12345abcde
iloveyou12 loveyou loveyou1 lovelove truelove mylove lover sweet sugar candy starwars123 maverick
phoenix thunder1 lightning storm hurricane tornado blizzard superstar rockstar1 superman2 batman2
captain commander general sergeant colonel computer2 qwerty2 dragon123 shadow12 michael12 jordan1
jordan123 chelsea123 arsenal1 liverpool1 manchester1 football123 soccer123 baseball123 hockey123
`;

const COMMON: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((w) => w.length > 0));

/** How many passwords the list holds (for the tests and the README). */
export const COMMON_PASSWORD_COUNT = COMMON.size;

/** Whether a password, compared in lower case, is on the list. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}
