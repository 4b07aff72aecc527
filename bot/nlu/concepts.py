"""One table per concept of a question, with its forms in Korean, English and Chinese.

Forms are matched in the compact (space-free, case-folded, simplified) text, so spacing variants
come for free; the typo pass (bot/nlu/typos.py) corrects words one slip away from the single-word
forms. A concept's forms are listed once here and nowhere else.

- ASPECTS: the fact a question is after. Several may be present; ``ASPECT_PRIORITY`` picks the one
  that leads (a status word beats "아직", a cap word beats the bare "얼마").
- TRAITS: what the asker says their company is; they pick calculator variants.
- CHECK / SPEND / SUBJECT markers: the role of an amount in the question.
- NEGATION markers: "A 말고 B", "not A", "不是A".
- PART markers: a second question in the same message ("…원화로는?", "and the deadline?").
"""

from __future__ import annotations

import re

from bot.nlu.forms import forms_of

ASPECTS: dict[str, tuple[str, ...]] = {
    "clause": forms_of(
        "원문 조문 조항 중국어원문 원래문구 원래텍스트 原文 条款 条文 原话 原文条款 clause originaltext verbatim wordforword whicharticle "
        "originalchinese originalwording exactwording sourcetext chinesetext originalpolicytext 원문텍스트 政策原文 文件叫啥 文件名 文件名称 documentname documenttitle"
    ),
    "status": forms_of(
        "核实过 官方核实 확인된숫자 확인된수치 확실한정보 믿어도돼 믿어도되 공식문서에도 공식사이트에 살아있는정책 是真的吗还是 docname 哪年的文件 方案里的吗 stillatrial stilljustatrial trialscheme 官方文件 是官方 官方的吗 공식문서 공식확인 공식문건 actuallyfound foundthetext verifiedagainst officialsource 대조된 대체한 대체했 取代了 哪个有效 哪个是有效 onedead deadnow 이제안쓰 이제안써 폐지 废止 作废 发没发 믿을만 믿을수있 可信吗 靠得住 确定吗 iscurrent editioniscurrent whichoneappliesnow whichappliesnow whichoneiscurrent whichisthecurrent 현재적용되는 지금적용되는 markedasatrial atrialpolicy trialpolicy 试行吗 是试行 realorjust howreliable 출처가애매 출처가어디 시행중인거맞 있긴한 있긴해 있긴하 actuallyexist evenexist 真的存在 存在吗 英文报道 englishpress 替代 대체되 replacedby 并行 官方发的 媒体说的 媒体报的 官方的还是 초안 확정 의견수렴 verified verifiedanywhere 공식이에요 공식인가요 공식입니까 이거공식 文号 文件号 발문번호 문서번호 documentnumber docnumber 출처가있 다른출처 出处 근거한 문서에근거 어떤문서 효력 statedintention programmedetail programdetail 找不到 是真的有 真的有吗 의견수렴안 최종안 최종본 정식시행 정식으로 정식 공식확정 확정됐 확정된 확정이 시행됐 나왔어 试行 officiallyissued superseded 取代 被取代 替代了 대체됐 대체된 replaced replacetheother 공식문서 기사에만 "
        "draft final finalised finalized confirmed officialyet status 出细则 细则 stilladraft 征求意见 草案 正式 定稿 落地 出台了 是否出台 "
        "确定了吗 最终版 보도만 보도된 언론보도 뉴스만 기사만 reported pressreports presscoverage justreported onlyreported innews officialpolicy officialorjust justaplan 어떻게됐 어떻게되었 확정본 바뀌었 판으로 版取代 onlyaplan justplanned actualpolicy justtalk inthepapers onlyinthepapers 只是报道 媒体报道 报道的 只是新闻 official 징구의견고 의견수렴고 正式文件 正式文本 新闻报道 只有新闻 공식출처 officialsource 둘다살아있 둘다유효 同一个吗 whichdocumentisthat whichdocument 근거문서 근거문건 근거자료 공식문건 officialdocument officialtext trialor permanentscheme actuallyrun actuallyhave onlysawit 原文找不到 문서제목 文号 문서번호 documentnumber docno 印发日期 발표일이 有没有文件 到底有没有 只看到 定是报道 还是报道 어느쪽이진짜 primarysource onlybasis 아무데도안나"
    ),
    "minimum": forms_of(
        "이상쓴 이상을쓴 minpurchase minimumpurchase 超过多少 要超过多少 최소 최저 하한 이상구매해야 이상써야 이상써야돼 minimum minimal atleast minspend lowest smallest 最低 最少 起步 zuidi menkan 至少 起付 门槛金额 起步金额 门槛 spendabove 얼마부터 이상이어야 이상이어야하 얼마나돼야 얼마돼야 얼마여야 얼마나되어야 多少才 얼마이상 howmuchabove minis minimumis onlycounts above 이상만 이상부터 넘어야 以上才 以上的 以上就行 以上就可以 买满 花满 要买满 就能申请 就可以申请 clearthe clearsthe 이상이면된 이상이면되 이상이면돼"
    ),
    "budget": forms_of(
        "哪个专项 资金来源 钱从哪 규모로보면 규모더 규모비교 규모제일 산력권규모 쿠폰규모 发几个亿 几个亿 예산 총액 총예산 총규모 총몇억 재원 기금규모 자금규모 자금풀 풀사이즈 전체규모 intotal setaside totalbudget budget pool fundsize totalfund "
        "totalpool fundingpool funding-pool totalamount 总额 预算 资金池 总规模 盘子 总资金 资金规模 多少亿 一共 总共 资金多少 一年多少钱 每年多少钱 voucherfund vouchersfund overallpool 풀이 풀은 풀맞 풀인 풀임 풀규모 풀렸 총풀 자금풀 얼마풀 총얼마 규모가 규모는 规模 总盘子 盘子多大 발행규모 발행총액 얼마발행 얼마규모 얼마나발행 까지발행 발행량 발행액 annualtotal vouchersize totalpot pot howbig issuesmore issuemore 发得多 发的多 발행많이 allocation annualallocation totalallocation 多少资金 每年多少资金 매년얼마 연간규모 연얼마 yearlytotal 规模多少 규모얼마 一年多少 每年有多少 moneyperyear vouchertotal voucherstotal peryeartotal totalperyear howmuchdotheyissue 每年最多发 发多少 putinto eachyear totalsize isthatperyear 一年发多少 每年发多少 每年投多少 一年投多少 池子 池子大 资金盘"
    ),
    "rate": forms_of(
        "howmuchofthe shareof highestshare highershare biggershare maxshare proportion whatproportion 费用的多少 金额的多少 总额的多少 投资的多少 비율 몇퍼 몇프로 몇%  퍼센트 지원율 보조율 지원비율 보조비율 환급률 rate percent percentage ratio howmanypercent whatshare shareofcost what% much% shre "
        "比例 百分之 几成 补贴比例 几个点 百分比 补贴率 what% whatpercent whatpercentage 몇프로 몇퍼센트 几个百分点 多少比例 比例多少 pct 몃% 몃프로 몇%야 3할 할인가 几成 一比一 一比 个点 几成 按什么算 按啥算 咋算的 怎么算的 레이트"
    ),
    "conditions": forms_of(
        "11로돈 11로낸 11로내 1:1로돈 bothcovered whatexactlydoesitsubsidise doesitsubsidise needtolist needtobefiled 상관없 개만뽑 개제품만 개만지원 개프로젝트까지 几个以上 先付钱 먼저돈내 먼저돈을내 不用先付 onlyworks onlyusable gothrough 可否申领 可否申領 须为 須為 同一合同 申领两次 两次吗 年以内 orless 什么标准 whodecides whichoneapplies eitherenough 업체만 우대같은 우대있 transferred transferable 转给 转让给 可以接入 能接入 비용도지원 howmanyayear howmanyperyear howmanyeachyear howmanyscenario howmanyproject 最多几个 最多多少个 多少个项目 几个项目 幾多個 几多个 몇개까지 몇개만 플랫폼을거쳐야 플랫폼거쳐야 havetocomefrom hastocomefrom mustcomefrom actuallyoffset theyoffset itoffset onlytarget 分摊 포함돼 포함되나 포함인가 포함이야 도포함 包括吗 包含吗 也包括 인정해줄 인정돼 인정되나 쳐줌 쳐주나 쳐줘요 제외인가 제외되나 제외야 들어가나 심사기준 评审标准 reviewcriteria 상관있나 상관있어 뭐로갈려 뭐로갈리 기준으로나뉘 기준으로나눠 구분기준 어떻게나뉘 什么情况下 啥情况 哪种情况 whogets 怎么认定 咋认定 如何认定 认定标准 조건 자격 요건 대상이 哪些领域 만되는 만된다 만되지 만되나 대상됨 대상돼 대상되나 대상인지 coverboth alsocovered alsocover thebar 也有补贴吗 也补吗 才得行 能不能申 reqs 도지원돼 도지원되 oneoff 뽑는거 까지만뽑 이용자만 사용자만 써야되는 써야되는 能抵数据 나눠내 各出一半 各出 省跟市 needcacfiling needcac anymodel 垫钱 配什么 配套是 什么情况下 啥子情况 ownedcompanyget favour favor 대상은 누가받 누가신청 누가돼 누가되 누가해당 누구나 만됨 만돼 만가능 해당돼 해당되 해당됨 해당하 제한 중복 eligible eligibility "
        "requirement requirements criteria qualif whocan whoisit conditions condition rules 条件 资格 要求 谁能 "
        "onlyfor whatdoesittake whatittakes whatkindof 대상기업 몇건 있어야돼 whoaretheyfor whoisitfor havetobuy 能用在 用在 어떤분야 인정돼 인정되 거치면 써야됨 써야돼 써야해 있어야하 있어야되 돼있어야 되어있어야 算不算 给谁 whichuses whatuses needtohave 通过哪个平台用 쪽도쓸수 에도쓸수 tiaojian 先全额 全额付 先付款 先拿到 只能买 哪里买 才能补 whichcompanies whocanuse canusethem onlycover contractcanrun howlongthecontract theysubsidi theycover doesitcover 모델만되 기업만되 회사만되 어떤용도 무슨용도 용도가 용도로 给什么企业 是给什么 longerthan runlonger 있어야됨 몇개있어야 要几个 几个应用 什么样的企业 补贴给 인정해주 포함돼 포함되나 몇개까지뽑 몇개뽑 anyissue 신청못 때만되 살때만 할때만 뭐살때 payfor paysfor 是补给 补给 smesonly startupsonly 어떤기업 어떤회사 어떤업체 主要补贴 主要给 是给谁 才能拿 才能申请 要超过 能补吗 whichapplications supportedapplications 도지원되나 쓸수있나 쓸수있어 involve involves 有关吗 有关系吗 분담 分担 반반 연결해야 whatdoyouneed whatdoineed applytoo 也能申请 이어야되 있어야한 이어야한 여야한 어야한다 이어야돼 이어야하 여야되 여야하 여야돼 야받는 야받을 야받아 转让 나중에청구 먼저내고 해당없 面向什么 面向哪些 要备案 需要备案 whichplatform 계약기간 써야하 선정해 몇개제품 要走 才算 要买哪个 要有多少个 require requires 只给 仅限 needtoget whatdoesacompanyneed oronlyusers oronlyfor 어디에쓰 뭐에쓰 支持哪些方向 哪些方向 买什么的 补贴买什么 meantfor whatfor usedfor 事后兑付 先发 upfront 기업만 적용기준 기준이뭔 기준은뭐 기준이뭐야 기준이뭐예 기준이뭐에 能用于 可以用于 whatkinds isitonlyfor doesitcount count 可以参与 넘으면안되 能用吗 也能用 要接入 需要接入 要符合 需要符合 hastobe havetobe mustbe 사용가능 选几个 支持几个 每年几个 一年几个 몇개지원 몇개선정 要多少个 restriction restrictions excludeus exclude excluded 申请条件 适用 能叠加 叠加 限制 哪些单位 哪些企业 哪些服务商 必须 谁可以 stack stacking stackwith combine 一起拿 同时享受 同时申请 同时拿 중복수혜 같이받 뭐가필요 뭐필요 필요한거 필요해 대상누구 누구임 누구야 누구예요 누구에요 toqualify allowedto areweallowed 才行 一定要 要满足 등록가능 能当 能成为 可以当 해당여부 대상여부 倾斜 onlygoto anyonecan canyone 买啥的 补贴买啥 哪类大模型 으로도신청 로도신청 용으로도 targetgroup maintarget 企业吧 coverus coversus openalsofor alsofor usablefor 才补 才能补 才给 야만되 야만돼 사야만 써야만 해야만 대상분야 지원분야 비도되는 비용도되 비도돼 oronly 咋评 怎么评 评选 如何评 howselected selectioncriteria 哪类企业 什么类型的企业 哪种企业 coulditclaim canitclaim 누구한테 누구에게 통해서만 통해야 통해서쓴 플랫폼통해 只能通过 arecovered iscovered becovered likeus 像我们这样 받아야되 받아야하 먼저받아야 경우만 때만되 센터만되 뭐해야 뭘해야 아무나 doweneedcac doweneedfiling doweneedtohave doweneedtobe doweneedtouse doweneedtoregister doweneeda dowehavetouse dowehavetobe dowehavetohave dowehavetobuy dowehavetopay dowehavetospend 先备案 要先 算数 的企业的 是给中小 给中小企业的 给初创 给大模型 도커버돼 도커버되 도커버됨 transferable 양도되 양도가능 양도는 분기별 월별로 settledquarterly quarterly 에도들어가요 에들어가요 도들어가요 포함이 도되는거죠 도되는거지 도되나 도돼요 도되죠 껴줌 껴주 써도돼 써도되 아니어도돼 아니어도되 대상입니까 대상이에요 대상인가 어떤센터 선정기준 也算 只认 认不认 무슨말이에요 actuallymean claimedtwice wefit canaforeign cantheyclaim canaforeigninvested aforeigninvestedcompany 按省级 需要什么 coverprivate 해당임 해당이죠 해당이에요 해당인가 whoseligible 넘길수 넘겨도 즉령즉용 垫付 선결제 쳐줄까 쳐주나 판단기준 되려나 도되려나 끼어있 아무데서나 아무모델이나 지정된데서만 能用不 不算吧 面向 重点领域 算初创 判断标准 定义 包括高校 definition definitionof relevantforus claimboth 补早补小 admit admits restrictedto 만해당 만해당되 만해당돼 아니라서안되 아니어서안되 mustuse mustbuy needtogothrough gothroughreview cosonly firmsonly companiesonly opconly smeonly 只针对 只限于 认定标准 是给数据 是给高校 是给大学 어떤데이터셋 어떤프로젝트 어떤시설 무슨시설 哪类设施 什么设施 给啥设施"
    ),
    "apply": forms_of(
        "howdoesthemoney reachthecompany paiddirectly deductedfrom 어떤플랫폼 플랫폼이뭐 어느구에신청 어디서가입 找省里 找市里 whoreviews reviewsit howdoestheapplication 시에다하는 시에다신청 fileanything whoactuallyprovides 政策通上报 신청안해도 신청안하고 신청없이 어디로가야 어디로가면 발행주체 issuingbodies whosissuing whoisissuing issuingthem 联合印发 哪些部门 whoissued whoactuallyissues authorityissues bodyissues issuingbody issuingauthority whichauthority 신청방법 자동지급 省级资金 市级资金 성자금 시자금 provincialmoney provincialfunds 어디다신청 어디다해 走的是啥平台 哪个平台使用 凭证 报销 사후지급 선지급 是怎么发 怎么发的 透过什么平台 payfirst claimlater 自己申请 자동임 신청해야됨 신청해야돼 在哪报 哪里报 省里发 市里发 따로신청 哪个部门出 哪两个部门 部门出的 不用申请 免申 누가줘 누가줌 누가제공 누가운영 谁提供 谁运营 whoprovides whooperates 신청어떻게 howdoweget howtoget howcanweget 신청어디 어디서신청 어디에신청 어떻게신청 어케신청 어케받 어떻게받 신청절차 신청하려면어떻게 신청하려면어디 접수처 담당기관 담당부서 "
        "주관기관 주관부서 주관하는 발급기관 발급 어느기관 어느부서 부서 어느센터 센터에서 신청은어디 어디로신청 어디서해 어디서하 어디서신청 어디서받 어디가서 자동으로 주관부처 免申即享 submit wheredowesubmit doiapply needtoapply wheredoiapply applyfor howtoapply howdoiapply wheretoapply whereto whereapply "
        "applicationprocess whoissues issuer whichoffice whichagency agency 怎么申请 咋申请 怎么发放 如何发放 发放方式 zenmeshenqing ruheshenqing 咋拿 什么方式发放 通过什么方式 方式发放 怎么兑付 如何兑付 兑付方式 portal applicationportal 如何申请 申请流程 "
        "在哪申请 哪里申请 哪个部门 主管部门 申报 去哪 怎么领 咋领 怎么拿 howdoweapply howcanweapply whodoweapply doweapply apply applying wherecanweapply applywhere whichbureau bureau handlesapplications wheredowefile wherecaniget wheredoyouget whereget automatic 신청창구 창구 어디로하 누가주관 주관해 주관하 발급하 어디가서 어떻게해요 어떻게하나요 어케해 找谁 向哪个 哪个单位 找哪 谁负责 谁管 whoruns whohandles runsthe process procedure applicationprocedure 谁发 发文 哪个文件 发的文 谁发的 누가발행 발행기관 발행처 어디서발행 어떻케신청 신청어떻케 어떠케신청 신청어케 어케함 어케해 신청하는곳 신청처 어디서주는 어디서줘 누가주는 咋申领 怎么申领 如何申领 在哪申领 去哪申领 getthem howdofirmsget howdocompaniesget 발표한기관 발표한곳 발표한데 whichbody bodyissued responsiblefor whichdepartment whichdepartments 负责部门 哪些部门负责 누가발표 발표주체 발표한곳 발표기관 whoissuedit whoannounced administers administersit 区里给 市里给 省里给 是谁给 谁给的 절차가 절차는 절차좀 通过啥平台 局发的 委发的 厅发的 局发 委发 通过什么平台 啥平台发 什么平台发 哪个平台发 withoutanapplication withoutapplying 多久能兑付 多久兑付 분기마다신청 1년에한번신청 심사거쳐 신청만하면 재정국에 재정국이 데이터국이 怎么报名 如何报名 怎么加入 如何加入 가입방법 어떻게가입 事后补 先付后补 兑付要多久 要多久到账 哪个平台上 在哪个平台 要啥材料 要啥子材料 啥材料 什么材料 准备啥 统一发放 统一发 地方自己发 省里的钱 市里的钱 시에다해 성에다해 나눠줌 나눠주 시에서줌 구에서줌 시에서주는 구에서주는 성에서주는 applicationdetails applicationprocedure 哪几个部门 신청창구 咋申 怎么申 咋报 咋申报 先付钱后补 走哪个平台 어디서발표 어디서발표한 ㅇㄷ서 ㅇㄷ에서 ㅇㄷ로 redemption redeem redeemed howdoesredemption"
    ),
    "window": forms_of(
        "ranthrough whichyears 요즘도 validthrough validuntil 哪天发布 哪年发布 什么时候发布 啥时候发布 何时发布 几月发布 상시접수 상시 runout whenwasthatissued whenwasitfirst 哪年出 새로나왔 새로나오 소멸 연장 没了吗 就没了 발표날짜 发放日 哪日发放 哪天发放 现在能申报 现在能申请 现在可以申报 现在可以申请 现在还能申报 날짜가 날짜는 날짜맞 발행일 공포일 시행일 발행날짜 문서날짜 cameout whenweretheyannounced whenwasitannounced issuedate dateissued whenwasitissued whenweretheyissued whenissued issuedwhen effectivefrom effectivedate whenwasitpublished publishedwhen 还开着 还开吗 开着吗 还在开 마감 기한 언제까지 几月发的 几号发的 哪天发的 까지만되 며칠까지 몇일까지 며칠부터 몇월까지 几号截止 到几号 哪天截止 哪一天截止 몇년입니까 몇년이에요 只补一年 补一年吗 년까지임 년까지야 이전에쓴 onwards tillwhen 년만하는 连续支持几年 到哪一年 哪年为止 到哪年 whendid jiezhi startedwhen whendiditstart stillinforce inforce 几月份 几月开始 몇월부터 몇월에 连续给 能连续 endsin extendedpast 第二批 下一批 后面还有 다음차수 commentsdue weredue 实施到 validity howlong howmanyyears openforapplications opennow validfor 신청기간 접수기간 기간 还有吗 stillathing 아직 신청가능 아직되 끝났 끝남 끝나 유효 만료 종료 stillapply canwestill 데드라인 언제부터 언제 "
        "deadline untilwhen stillopen stillrunning stillavailable stillvalid isitopen expire expired ended period "
        "window closing closes until 截止 期限 还能申请 有效期 到什么时候 什么时候 结束 过期 还有效 还在 还能 접수받 지금도 아직도 접수중 말까지 takingapplications stillaccepting stilltaking cutoff 到期 啥时候 截止到 申报时间 申请时间 申请期限 close stillactive isitover overnow ranto 执行期 到何时 runtill runstill tillendof date dates duedate tillwhen validtill lastdate lastday runthrough runsthrough rununtil whencanweapply whencanapply whencaniapply whentoapply commentperiod 意见截止 还可以申请 还可申请 今年还能 whendoesitend whenitends whendoesthisend 끝난 끝났나 还受理 受理吗 接受申请 好久发 好久开始 whendotheyend consecutiveyears 连续两年 年度的出了 늦지않 늦었나 늦은거 늦었죠 안남은 얼마남았 남았나 몇년줌 몇년동안 몇년간 몇년까지 补几年 给几年 补多久 还有吧 还有没 哪年开始 开始发的 哪年发 일정은 일정이 일정나 지났네 지났나 已经过了 过了吗"
    ),
    "amount": forms_of(
        "whatsitworth voucherworth whatisthebonus 제일세 데이터셋당 회사당이야 누구기준 oneoffor one-timeorannual anyfigures figuresyet 숫자나오 숫자가나오 숫자나왔 숫자가나왔 숫자있 숫자가있 숫자없 숫자가없 具体补贴 补贴标准出来 moneywise money-wise anythingconcrete 标准出来 数字吗 有数字 얼마 상한 한도 최대 캡 amt 具体数 지원수준 支持标准 최고 맥스 상한선 금액 액수 몇만 몇시간 얼만큼 howmany howmuch cap capped maximum max upto limit ceiling "
        "amount 多少钱 多少 上限 最高 最多 封顶 额度 duoshao zuigao 数额 金额 能补 补多少 카드시간 몇카드 cardhours gpuhours 卡时 多少卡 mostwecould mostwecan themost 能拿多少 能给多少 많이주 지급액 장려액 수령액 지원액 지원금액 보조액 보조금액 perfirm percompany 羊毛 能薅 수치 수치가 数值 숫자나온 숫자안나 숫자하나도 숫자없 숫자가아예 figuresatall anyfigures 具体数字 具体标准 회사당캡 permodel 숫자있 숫자는 numbersyet numbersatall anynumbers vouchernumbers 금액나온 금액안나 大不大 까지나옴 까지나와 까지됨 까지돼 까지되나 "
        "哪个多 哪个高 哪家给得多 给得多 제일많이 많이줌 더많이 pays pay whatsthereward rewardper perdataset perproject 每个 每项 anynumbers numbersout actualnumbers anyactual biggest largest highest givefor givesfor"
    ),
}
# "Can we get it?": the conditions, when no other aspect is asked ("얼마 받을 수 있어?" asks the amount).
ELIGIBILITY = forms_of(
    "받으려면 회사만 받을수있 받을수있나 받을수있을까 받을수있습 받을수있어 받을수있음 받을수있냐 받을수있는지 받을수있는 받을 받을수 대상되 대상이되 "
    "대상맞 대상인가 대상인지 해당되나 도돼 신청됨 도되나 도됨 도되냐 되요 돼요 能报 可以报 신청할수있 신청가능 신청되 신청돼 받을자격 됩니까 되겠습니까 받나요 받아도 canweget canget canwe canapply "
    "canweapply arewe areweeligible allowedto beaprovider 能申 能申请 能不能申请 能领 能拿吗 能享受 符合条件 可以申请 可不可以 "
    "못받 들어갈수있 참여할수있 참여가능 canwestill canistill caniget 되냐 되나요 되나 되는지 면돼 면되 받음 받냐 안되는 안됨 안돼 가능해 가능한가 가능함 가능할까 有份 能参与 能参加 也行 行吗 可以吗 能拿 "
    "doesthatwork doesthatmatter doesitapply applytous opentous forus qualify "
    "整得到 拿得到 领得到 得到不 안되죠 안되지 안돼죠 되는거임 되는거야 되는건가요 도받아 차감돼 차감되 抵扣 要得不 行不行 可以用吗 用得了 都计 先计 "
    "disqualify disqualifies"
)
# "Still": a question about the window even when it also asks whether the firm may apply.
STILL = forms_of("아직 지금도 여전히 still 还 仍然 现在还")
# Right before a quoted figure, these make it the budget ("총 5천만 맞아?", "풀 천만위안?", "pool 100M?").
BUDGET_LEADS = forms_of("총 풀 총규모 규모 기금 전용기금 pool fund budget 资金池 专项资金 总额 总规模 总共 yearlytotal")
# Right before a quoted figure, a year ("매년 5000만 맞아?"): the pool, when the figure is pool-sized and no word
# says it is per firm ("주체당 연 100만위안 맞아요?", "연간 150만?" are a firm's yearly cap).
YEARLY_LEADS = forms_of("매년 每年 一年 1년 1년에 연 연간 annual yearly")
PER_FIRM = forms_of(
    "주체당 기업당 업체당 회사당 한곳당 회사하나당 기업하나당 한회사가 한기업이 一家能 一家最多 一家企业 per-firm per-company per-applicant percompany perfirm perapplicant onecompany asinglecompany eachcompany peruser "
    "onecomputeuser eachuser 每家 每家企业 "
    "单个企业 单家企业 每个单位 每个企业 每家单位 每个公司 每个主体 单家 单个公司 每家公司 한회사당 한기업당"
)
# When several aspects are present, the first of these that is present leads.
ASPECT_PRIORITY = ("clause", "status", "minimum", "budget", "rate", "conditions", "window", "apply", "amount")
# A word only counts as a second part (a second question) when it is unmistakable on its own.
PART_FORMS: dict[str, tuple[str, ...]] = {
    "window": forms_of(
        "마감 마감일 기한 데드라인 언제까지 신청기간 접수기간 deadline tillwhen untilwhen cutoff whendoesitclose whendoesitend closes 截止 期限 有效期 "
        "thewindow windowstillopen isitstillopen "
        "什么时候截止 申请时间 申报时间"
    ),
    "conditions": forms_of(
        "조건 자격 요건 자격요건 conditions eligibility requirements whoqualifies qualifies eligible whoseligible 条件 资格 谁能申请 "
        "要先 需要先 先备案 받을수있는지도 할수있는지도 되는지도 가능한지도 whetherwecan"
    ),
}
# Currencies other than yuan and won: a conversion into one is still an exchange question, answered in won with
# the note that only yuan and won are converted ("500k yuan in SGD how much", "2M RMB in USD").
OTHER_CURRENCIES = forms_of(
    "usd dollar dollars us$ 美元 美金 달러 sgd 新币 新加坡元 싱가포르달러 hkd 港币 港元 홍콩달러 jpy 日元 엔화 eur euro euros 欧元 "
    "유로 twd 台币 新台币 대만달러"
)
# "How much": what a sum gets is asked (beside a spend and a minimum, a calculation, not the floor alone).
HOW_MUCH = forms_of("얼마 多少 几多 howmuch whatwould whatdowe")
# Asked in won, after a question about a program ("…원화로는?", "in KRW pls", "换成韩元呢").
FX_PART_FORMS = forms_of(
    "원화로 원화론 원화몇 원화로몇 원화로는 원화로도 원화면 원화금액 원화도 원화한 원화환산액 원화기준 원화환산 원화로환산 억원으로 억원으론 억원환산 억원기준 억원단위 억원으로는 한화로 한화로는 한국돈 inwon inkrw towon tokrw krw won "
    "韩元 韩币 换成韩元"
)
# The exchange itself named ("人民币兑韩元多少", "환율 얼마"): an exchange question of its own, no part of the last answer.
FX_RATE_NAMED = forms_of(
    "환율 汇率 exchangerate fxrate 人民币兑 兑韩元 对韩元 人民币对 위안원환율 cnykrw cnytokrw rmbtokrw"
)

TRAITS: dict[str, tuple[str, ...]] = {
    "sme": forms_of(
        "中小厂 smallteam 小团队 작은팀 소규모팀 중기인데 중기예요 중기에요 중기입니다 중기라서 중소기업 중소 sme smes smallandmedium smallbusiness smallcompany smallfirm 소규모회사 소규모기업 소규모업체 소규모전자상거래 작은회사 작은기업 쬐끄만 쪼끄만 소기업 小公司 小企业 中小企业 中小微 小微企业 中小型"
    ),
    "startup": forms_of(
        "창업1년차 창업2년차 창업3년차 창업1년 창업2년 설립1년차 설립2년차 스타트업 창업기업 초기기업 신생기업 창업초기 startup start-up startups earlystage 初创 初创企业 创业公司 "
        "新创 初创公司 刚成立 新成立 成立不久 설립초기 초창기 갓설립 justfounded newlyfounded"
    ),
    "opc": forms_of(
        "1인기업 1인회사 일인기업 1인창업 1인법인 opc one-person oneperson solofounder solo founder solocompany 一人公司 "
        "一人企业 个人公司"
    ),
    "model_developer": forms_of(
        "대형모델만드는회사 대형모델훈련하는회사 모델만드는회사 모델만드는 파라미터모델 파라미터자체 자체모델이면 우리모델 parametermodel 参数的模型 我们模型 기초모델회사 搞大模型研发 大模型研发的 做游戏模型 做模型的公司 buildinga100b wearebuildinga 직접개발해서 자체개발해서 modelshop modelshops modellab buildourownllm ownllm ownllms ourownmodel ourownmodels 做大模型 大模型的 自研大模型 大模型初创 大模型创业 대형모델자체개발 대형모델을자체 모델자체개발 자체모델개발 대형모델회사 대형모델기업 "
        "llmpretraining pretrainingllms pretraining pre-training 모델훈련에 "
        "trainingllms trainllms 대형모델개발 대모델개발 대모델회사 대모델기업 foundation-model large-model largemodel llmstartup 모델개발사 모델개발회사 llm개발 파운데이션모델 largemodeldeveloper 모델만드는 대형모델만드는 modelstartup 모델스타트업 "
        "modeldeveloper llmdeveloper foundationmodel llmcompany 大模型企业 大模型公司 模型研发企业 大模型厂商 大模型开发商 模型开发商 trainingitsownmodel trainsitsownmodel trainingourownmodel 做模型的 모델만드는회사 자체모델만드는 ourownmodels 기반모델기업 기반모델회사 기반모델업체 기반모형기업 基座模型企业 基座模型公司 基座大模型企业 basemodelfirm basemodelfirms basemodelcompany basemodelcompanies basemodelcos base-modelfirms base-modelcos"
    ),
    "listed": forms_of("상장사 상장기업 상장회사 listedcompany listed publiclytraded 上市公司 上市企业"),
    "compute_provider": forms_of(
        "민간클라우드 cloudcompany acloudcompany werunacompute runacomputeplatform ourdatacentre ourdatacenter 做云嘅 做云的 임대사업 고객한테임대 云厂商 做算力租赁 算力租赁的 算力租赁企业 컴퓨팅공급업체 컴퓨팅공급사 operateadatacenter runadatacenter datacenteroperator idc운영 데이터센터운영 算力服务企业 数据中心运营 "
        "operatesadc operatesadatacenter operatesdatacenters runsadc runsadatacenter 데이터센터돌 데이터센터를운영 idc운영사 runagpucloud gpulessor gpulessors wehaveadc wehaveadatacenter wehaveadatacentre outsideprovider 우리gpu 저희gpu 저희노드 우리노드 gpu풀 gpu임대매출 계열사gpu 机房运营 "
        "컴퓨팅제공업체 컴퓨팅제공사 컴퓨팅파워공급 공급업체 산력서비스업체 산력서비스기업 idc사업자 computeserviceprovider 산력제공업체 산력제공사 클라우드사업자 idc업체 computeprovider cloudprovider idc "
        "算力服务商 做云服务 云服务的 算力提供方 算力供应商 算力提供商 算力服务提供商 算力企业 供应商 服务商 做算力的 我们的机房 机房能不能 공급사 공급자 임대업체 gpu임대업체 운영사로 클라우드업체 클라우드회사 컴퓨팅업체 판매자 저희한테서 우리한테서 ourgpu ourgpus ourcluster ourclusters ourgpucluster ourgpuclusters weoperategpu weoperate gpuclusters providersupplying"
    ),
    "foreign": forms_of(
        "koreanstartup koreanfirm koreansme koreanrobotics koreanfounder koreangaming koreanai koreanteam 한국스타트업 한국상장사 한국중소기업 한국게임사 frenchone-person french-owned japanesefirm japanesecompany koreanjv 한국투자법인 투자법인 법인한국에 법인은한국 koreanuniversity koreanmodel 한국투자기업 한국제조업체 한국계제조 외상투자 foreign foreign-owned koreanowned korean-owned foreignowned wfoe 외자 외국계 외투기업 외국인투자 외국기업 한국기업 한국회사 한국계 foreign-invested foreigninvested "
        "foreigncompany foreignfirm koreancompany 外资 外企 外商 韩资 韩国企业 korean-invested koreaninvested koreanparent 韩国母公司 韩国独资 한국모회사 한국본사 한국법인 韩国公司 外商投资 韩商 韓商 韩企 韓企 韩资企业 韓資 韓國企業 singaporeentity singaporeanentity sgentity sg-owned sgowned 외국인 한국국적 외국국적 外国人 外籍 韩国籍 韓國籍 foreigner foreigners koreannational koreancitizen 香港公司 香港企业 港资 港资企业 香港注册 hkentity hkcompany hkfirm hongkongcompany hongkongentity hongkongfirm 홍콩법인 홍콩회사"
    ),
}

# The amount is a figure the user heard and wants checked.
CHECK_MARKERS = forms_of(
    "라던데 이라던데 다던데 던데 다며 된다는데 된다는대 다는데 더라 라는데 이라는데 라고하던데 true 对吧 靠谱 有人说 toldme someonetold someonesaid somebodysaid 对不对 라고들었 라고함 맞아 맞음 맞나 맞죠 맞습니까 맞는지 맞냐 진짜 ㄹㅇ 사실이 사실인가 사실인지 사실임 "
    "정말 카더라 확인좀 확인부탁 확인해줘 지금도그래 아직도그래 여전히그래 지금도그럼 아직도그럼 여전히그럼 지금도그런가 지금도그렇 现在还是这样 还是这样吗 stillthecase istrue isittrue truethat iheard heard iread isthatright stillright thatright correct confirm really iirc doublecheck "
    "ㅇㅈ 인거지 인거죠 맞지 맞을걸 是吧 没错 마즘 마자 마져 맞져 마자여 마자요 맞쥬 된다는대 라던대 하던대 다던대 이라던대 "
    "听说 是真的吗 对吗 是不是 真的 没错吧 이었나 였나 라고했던 라고했는데 이하라고 라고나오던데 이라고했 다는기사 라는기사 기사봤 기사에서봤 기사보니 articlesaid thearticlesaid verified verify thefigure isitaccurate 정확한지 정확한가 정확합니까 검토부탁 출처가 出处 공식문서있 그대로입 그대로인 그대로야 그대로임 그대로냐 그대로예 是否为 是否是 거사실 게사실 말하는거지 말하는거죠 말하는건가 말하는거야 뜻이지 뜻인가 뜻이야 출처 "
    "来源 라며 이라며 정확한수치 수치확인 articlesays thearticlesays legit 真的假的 假的吧 这么多"
)
# Of those, the ones that only say the figure was heard ("…라는데", "I heard", "听说"): with no word asking to
# confirm it, a question that follows asks about the program ("…매년 5000만 위안이라는데 기업당 얼마까지?").
HEARSAY = forms_of(
    "라던데 이라던데 다던데 던데 다며 다는데 된다는데 된다는대 라는데 이라는데 라고하던데 라던대 하던대 다던대 이라던대 라며 이라며 "
    "라고들었 라고했는데 이라고했는데 카더라 iheard heard iread toldme someonetold someonesaid somebodysaid peoplesay articlesays thearticlesays says 听说 有人说"
)
CONFIRM_MARKERS = forms_of(" ".join(form for form in CHECK_MARKERS if form not in HEARSAY.table))
# Words that can only ask whether the figure is right (not "이었나", which may ask the status it had).
SURELY = forms_of(
    "맞아 맞나 맞죠 맞지 맞음 맞는지 맞습니까 맞냐 사실이 사실인가 사실인지 진짜 정말 true correct isthatright stillright "
    "thatright accurate isitaccurate 정확한지 정확한가 정확합니까 검토부탁 출처 出处 来源 공식문서있 인거죠 인거지 인거죵 그대로입 그대로인 그대로야 그대로임 그대로냐 그대로예 是否为 是否是 말하는거지 말하는거죠 말하는건가 말하는거야 뜻이지 뜻인가 뜻이야 지금도그럼 아직도그럼 여전히그럼 지금도그래 아직도그래 여전히그래 现在还是这样 还是这样吗 stillthecase 对吗 对不对 是真的 真的吗 没错"
)
# Marks of a figure to confirm that give way to a spend marker ("…2M, right?" but "right now, if we spend 2M").
WEAK_CHECK_MARKERS = forms_of("right 이죠 이지요 yeah yep innit")
# The amount is money the company would spend or invest.
_SPEND_VERBS = (
    "쓰면 쓸건데 쓸때 쓰는데 나가면 costs costsus 花费 계약하면 계약시 签约 투자하면 투자시 투자할 투자해 사면 구매하면 구매시 지출 임대하면 임차하면 빌리면 렌탈하면 "
    "들이면 집행하면 예정인데 spend spending spent invest investing buy buying rent renting purchase purchasing "
    "capex 花 投 买 租 采购 购买 使用了 用了 튜자하면 투자예정 지출예정 支出 씀 썼는데 썼고 임차비 임대료 구매비 어치 샀는데 샀어 샀고 샀음 구매했 결제했 bought purchased "
    "세우면 지으면 건설하면 짓는다면 signs signsa 썼읍니다 썼습니다 썼어요 잡으면 잡고 들어가면 들어갔으면 태우는데 태우면 태워 나가요 나가는데 나감"
)
_SPEND_LEADS = "ifwe ifi 산정 계산 calculate calc 计算 算下 算一下 帮忙算 如果 要是 假如"  # lead a spend, name none
SPEND_MARKERS = forms_of(f"{_SPEND_VERBS} {_SPEND_LEADS}")
SPEND_VERBS = forms_of(_SPEND_VERBS)
# Before the part of a budget that is spent: "예산 1000만인데 그중 300만", "of which 6M", "其中算力花400万".
PART_OF = forms_of("그중 그중에 그중에서 이중 ofwhich outofwhich ofthat ofthis 其中 当中")
# Right before an amount, these name it as a cap ("最高500万", "up to 5M"): with another aspect asked ("…，条件呢",
# "who qualifies?"), that program is the subject and the other aspect is the question.
CAP_LEADS = forms_of("최대 최고 상한 한도 upto max maximum capof 最高 最多 上限 封顶 每年 一年 매년 1년에 연간")
# The figure itself is what is to be confirmed ("is the 50M figure confirmed?", "这个数字对吗").
FIGURE_WORDS = forms_of("figure thenumber 数字 数额 숫자 수치 금액맞")
# Words naming an award or cap: an amount right next to one is the thing asked about.
SUBJECT_NOUNS = forms_of(
    "미만쿠폰 이하쿠폰 미만의 以下的 以内的 짜리 -cap cap 준다는 주는거 한도라던 상한라던 한도 封顶的 的那个 那个 那项 那笔 one "
    "일회성 一次性 one-time onetime one-off oneoff"
)
# Nouns that make the amount the thing asked about only when the question asks something else than "how much".
PROGRAM_NOUNS = forms_of(
    "주는 지원금 보상금 보조금 장려금 보상 장려 포상 지원 쿠폰 바우처 바유처 산력권 모델권 훈련권 coupon award grant bonus prize voucher subsid support "
    "funding reward 奖励 补助 奖金 支持资金 支持 资助 补贴 券"
)
# Right after a place, these make it where the asker is, not what is asked ("상하이에 사무실을 둔 …").
BASE_AFTER = forms_of(
    "기사에선 기사에서 기사엔 기사에는 기사에 보도에선 보도에서 那篇 那篇文章 的报道 报道说 报道里 article report paper piece 쪽기사 회사도 기업도 업체도 법인도 的企业 企业也 公司也 teamhere auditteam 라벨링법인 제조법인 판매법인 에사무실 공장자회사 공장이있 에공장 공장있는 바로옆 옆이라 옆이고 옆에있 옆동네 근처라 근처에있 인근 旁边 隔壁 附近的 사무실에서 사무실을 에서근무 에서일하 에있는한국 에있는저희 에있는우리 본사는 본사를 본사가 에본사 "
    "에서여쭙 에서스타트업을 에서사업 법인과별도로 에서운영 에있습니다 办公室 的办公室 "
    "에법인 법인 법인이 본사 본사인데 지사 에지사 지사가 사무소 에사무소 에외자법인 외자법인 "
    "分公司 子公司 -listed listedgroup listedcompany 这边的企业 这边企业 那边的企业 listed 上市的 상장된 출신 출신인데 출신이라 出身 이랑같은수준 랑같은수준 이랑같다 랑같다 이랑같은 랑같은 이랑똑같 랑똑같 기사에서봤 那样的 那样 -registered registered registeredfirm registeredcompany 公司能 的公司 公司的 企业能 注册的 idc쓰는데 idc쓰는 idc를 의idc 的云 的算力算不算 companyclaim 母公司 모회사 본사에서"
)
# Right before a place, the same in English and Chinese ("based in Shanghai", "our office in Beijing").
BASE_BEFORE = forms_of(
    "我们是 咱们是 我们在的 movingfrom relocatingfrom shiftingfrom comingfrom therefrom teamfrom basedin ourofficein nextto rightnextto closeto near 靠近 紧邻 挨着 officein headquarteredin hqin hqisin hqsin registeredin incorporatedin listedin "
    "我们在 总部在 公司在 注册在 注册地在 在的 buyingcomputefrom 买 租的 总部是 본사 본사는 본사가"
)
# "A 말고 B": the place just before these is not the one asked about.
# Right after a kind or an aspect, the asker sets it aside ("모델 말고 컴퓨팅 쿠폰", "조건 말고 금액").
SET_ASIDE = forms_of("말고 아니고 말구 빼고 不要")
# Between two place names, they are listed together ("상해랑 북경", "Shanghai and Shenzhen"); a comma only in a
# list of places asked, where "not A, B" sets B against A.
LIST_JOINERS = forms_of("하고 랑 이랑 와 과 and & 和 跟 与 及 或 이나 나 또는 or")
NEGATION_AFTER = forms_of(
    "说错了 不对 不要 말고 아니 아니고 아니구 아니라 대신 빼고 제외하고 제외 말구 아닌 不用看 nowait aside 除外 就算了 됐고 的不算"
)
# "not A", "不是A": the place just after these is not the one asked about.
NEGATION_BEFORE = forms_of(
    "别跟我说 别给我说 别说 不是问 不问 notabout leaveout without not insteadof except excluding forget apartfrom ratherthan leaving 不是 不是说 除了 而不是 不要 不看 排除 不算 不包括 除开"
)


# The place as a whole ("整体情况介绍下", "하남성 전반적으로 어때", "overall picture").
OVERALL = forms_of(
    "전반적 전체적 전반 전체현황 整体 总体 整体情况 总体情况 overall ingeneral bigpicture fullpicture wholepicture overview rundown 한번에정리 한눈에정리 一览 概况 "
    "외에다른 외에도 말고다른 말고또 말고도있 말고도 除了 除此之外 besides otherthanthe anythingbeyond anythingbesides 别的政策 别的支持 다른지원 다른제도 다른프로그램 其他支持 其他政策 还有什么支持 还有啥支持 anythingelse otherprograms otherschemes"
)  # and what else it has ("산력권 외에 다른 지원 제도도 있습니까")
# A voucher of no named kind ("Nanning vouchers", "항저우 智能券"): the place's only kind, when it has one.
# Korea named as the place of a program ("한국 GPU 지원사업", "Korea HPC support program", "韩国有没有算力券"), not
# as who asks or the currency (한국 기업, 한국계, 한국 본사, 한국돈): a place we do not cover.
KOREA = forms_of(
    "한국 국내 남한 우리나라 korea korean 韩国 韓國 경기도 판교 서울시 부산시 대전시 과기부 과기정통부 중기부 중소벤처기업부 산업부 nipa 정보통신산업진흥원"
)
KOREA_NOT_PLACE = re.compile(
    r"(?:한국|korea|korean|韩国|韩)(?:기업|회사|계|본사|법인|돈|원|원화|사람|인|팀|스타트업|업체|국적|won|company|firm|资|老板|总部|사장|대표|"
    r"hq|parent|investors?|"
    r"startup|sme|smes|robotics|founder|gaming|team|owned|based|nlp|language|colleague|coworker|friend|partner|client|boss|press|media|news|reports?|"
    r"那边的报道|那边的新闻|媒体|报道|新闻|过来|기사|언론|뉴스|매체|어|말|企业|公司|团队|人|韩元|的公司|的企业|语|話|话)"
)
# "쿠폰 종류 다 알려줘", "what kinds of vouchers": the kinds are asked, so the place's overview answers.
KINDS_ASKED = forms_of(
    "종류 어떤쿠폰 무슨쿠폰 뭐뭐 kinds types whatvouchers whichvouchers 哪些券 哪几种 几种 哪些 뭐있 뭐있음 都有啥 有啥"
)
# "뭐 있어", "有哪些", "overview": what a place has is asked (a list), not one fact of its policy.
LISTING = forms_of(
    "뭐없 뭐있 뭐가있 뭐해줘 뭐해주 뭐해줌 뭐있음 뭐주냐 뭐줘 뭐주는 뭐줌 뭐받 뭐뭐 다알려 전체보여 쭉알려 전부알려 요약 정리해줘 정리좀 내용정리 "
    "한눈에 종합 개요 개괄 현황 따로있 종류 available summar overview kinds rundown everything whatcaniget whatcanweget whatsthere listthe listprograms "
    "anythingbeyond anythingbesides anythingelse anythingfor anythingin anythingbut whatkind 뭐니 뭐누 무엇 어떤분야 중점 전체 뭐한다고 있는지원 哪些 能拿啥 啥子 一览 有什么 有哪些 都有啥 有啥 啥政策 说说 介绍下 介绍一下 概况 汇总 全部 总结一下"
)
# Applying for support, said without naming it ("난닝은 언제 신청해?", "Qingdao 2024 round deadline?").
# A program's cap named ("Henan cap?", "톈진 상한은?"): only support programs have one.
CAP_WORDS = forms_of("상한 한도 상한액 최대한도 캡 上限 封顶 capped ceiling")
CAP_WORD = re.compile(r"\bcaps?\b")  # the English word alone: "capital" is another word
APPLYING = forms_of(
    "신청 접수 申请 申报 申领 受理 apply application applications round 批次 第二批 免申 window percompany perfirm 기업당 每家企业"
)
VOUCHER_WORDS = forms_of(
    "쿠폰 쿠퐁 바우처 바우쳐 voucher vouchers coupon coupons 券 산력권 모델권 모형권 어료권 훈련권 데이터권 표주권 지능권 지능쿠폰"
)
# "Sorry, I meant Nanning", "아니 난닝", "我是说南宁": the place replaces the previous question's.
CORRECTION = forms_of(
    "imeant nowait meant sorry actually actuallynot 아니 아니요 아니고 아니구 잘못 정정 잘못썻 잘못썼 我是说 我说的是 说错了 不对"
)


def vocabulary() -> tuple[str, ...]:
    """Every single-word form, for the typo pass."""
    tables = (*ASPECTS.values(), *TRAITS.values(), STILL)
    return tuple(dict.fromkeys(form for forms in tables for form in forms))


# Everyday words one slip from a cue, which the typo pass must leave as they are ("mate" is no "mute", 국산 no 구간).
LEAVE_ALONE = forms_of(
    "mate mates cheers yeah yep lol haha thx date dates cover covers covered 국산 구간 구역 사이즈 must musts mustn mustnt need needs "
    # English words one slip from a cue that means something else: "issued" is no issuer, "comparing" no computing
    "issue issues issued share shared shares settle settled settles stock stocks moving shenyang supposed corporate "
    "complete completing comparing claude speed comments sure invoice invoices regional subscribers sold sole race "
    "seed speaking promotion plays booth starving timeline press announced 구도 구도는"
)


# Words of other domains: a question with one of these is not about local AI support, whatever else it has.
OFF_TOPIC = forms_of(
    # other subsidies and benefits
    "highspeedtrain high-speedtrain 高铁票 고속철 재산권 지식재산권 전기차 거류증 거주증 거류허가 출입국관리 居留证 居留许可 出入境 论文 开题报告 毕业论文 테슬라 모델y 모델3 인재주택 주택보조 집값 아파트 전세 월세 식대 복지포인트 출산 육아 청년도약 근로장려 "
    "실업급여 대출 금리 관련주 주식 코인 비트코인 상품권 문화상품권 기프티콘 스타벅스 배민 쿠팡 하이디라오 생일쿠폰 할인쿠폰 "
    "evsubsidy tesla housingsubsidy talenthousing mortgage stock crypto bitcoin starbucks "
    "新能源车 电动车 购房 房价 房租 住房补贴 人才房 落户积分 以旧换新 家电 高温补贴 消费券 优惠券 代金券 美团 京东 "
    "星巴克 淘宝 股票 基金 比特币 社保 社会保险 团建 打车券 滴滴 去哪儿吃 사회보험 4대보험 socialinsurance 公积金 个税 退税 食堂 外卖 午饭吃啥 晚饭吃啥 "
    # travel, jobs, daily life
    "고속철 기차 ktx 비행기 항공권 출퇴근 회식 맛집 날씨 미세먼지 취업 경력직 이직 지원서 자소서 대학원 입학 비자 "
    "trainticket bullettrain highspeedtrain flight weather restaurant visa jobhunt jobsearch newjob findajob getajob jobopening jobapplication hiring resume 高铁 火车 机票 天气 美食 签证 招聘 跳槽 "
    # other targets, centers and models
    "체중 다이어트 몸무게 매출목표 매출달성 매출올리 매출늘리 kpi revenuetarget weightloss salestarget 서비스센터 콜센터 고객센터 센터장 "
    "servicecenter callcenter customerservice 售后 客服 手办 高达 上色 黑神话 玩游戏 打游戏 游戏推荐 游戏本 游戏机 游戏显卡 手游 手机 电脑配置 "
    "게임용 게임할 게임하 게임추천 게임기 그래픽카드 소음 줄이는법 rtx4090 4090 gaming fannoise gpunoise "
    # other currencies, software
    "工资 월급 연봉 로또 세후 彩票 lottery salary 달러 엔화 유로 위안달러 dollar yen euro usd eur 美元 日元 欧元 手续费 银行手续费 환전수수료 bankfee 엑셀 vlookup excel css div python 코딩 coding "
    "icp备案 icp 해외직구 직구 사업계획서 창업패키지 구독료 넷플릭스 미드저니 feet inch inches kg 耳机 电费 水费 下雨 "
    "netflix midjourney "
    # Korea's own programs and agencies, taxes, cloud prices, crossings and sights
    "중기부 중소벤처기업부 과기부 과기정통부 nipa 정보통신산업진흥원 k-스타트업 k스타트업 kstartup 창업도약 청년창업사관학교 "
    "수출바우처 창업지원금 한국정부 정부지원사업 koreangov koreagov koreangovernment 韩国政府 韩国出口 exportvoucher "
    "법인세감면 법인세율 법인세혜택 법인세신고 소득세 부가세 所得税 增值税 企业所得税 corporatetax incometax vat 세금 환전수수료 환전우대 exchangefee "
    "알리클라우드 阿里云 华为云 바이두클라우드 百度云 腾讯云 aws azure 시간당요금 요금제 gpu가격 gpu값 rtx5090 5090 "
    "한잔 모델하우스 oom 배치사이즈 batchsize 학원 사고력 算力股 概念股 涨了 跌了 工具推荐 清洗工具 복지 쿠폰북 연봉 salary "
    "환율우대 우대쿠폰 gpucloud taxfiling "
    "去哪玩 哪里玩 去玩 놀러 officeclosed officeopen 玩有啥 好玩 sightseeing 스벅 유심 알바 촬영 판다기지 판다 券商 开户 返佣 二手 回收 折旧 过关 "
    "买房 首付 k-클라우드 k클라우드 kcloud 年终奖 무역협회 isthatnormal myrent 门票 好吃 火锅 大新闻 페리 ferry 국경 넘는법 넘어가는법 추천좀 렌탈업체 세액공제 "
    # meals, hotels, cash at the border; other countries' laws and bans
    "租房 정부데이터바우처 hotpot 비와 비오나 rainy raining 점심 저녁메뉴 훠궈 호텔 1박 숙소 들고갈 중고 hotel anight pernight lunch dinner carrycash 酒店 住宿 午饭 海鲜 吃啥 去哪吃 早茶 哪里吃 반찬 음식점 가게추천 下周来 见个面 见面吗 재산 자산규모 순자산 吃饭 吃什么 晚饭 带现金 "
    "ai규제법 규제법 ailaw 禁令 芯片禁令 chipban exportcontrol 出口管制 수출규제 msit taxcredit tipfor splitthebill billis"
)
# The publications people cite by name ("상하이방 기사에 나온 우한"): a name, not the place inside it.
PUBLICATIONS = ("상하이방", "上海帮", "shanghaibang", "shanghai bang")
