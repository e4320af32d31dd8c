"""Round-12 rules of issue 11, each on Korean text written for it in a news style (particles, spacing variants, mixed
scripts): what the rules propose for an article and where the matcher then finds it, with the shipped alias file."""
from __future__ import annotations

import resource

from test_matching import mentions, shipped  # noqa: F401 (shipped is a fixture)


def names_of(shipped, text: str, kind: str) -> set[str]:
    return {name for _, name, k in mentions(shipped, text) if k == kind}


def all_names(shipped, text: str) -> set[str]:
    return {name for _, name, _ in mentions(shipped, text)}


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# --- people -----------------------------------------------------------------------------------------------------------


def test_a_name_before_a_bracket_that_holds_its_post(shipped):
    """<녹취> 한지섭((주)누리텍 대표) :, 오세림(산업통상자원부 무역투자실장)은, 문가영(국회 의원): the name right before a
    bracket that holds a post (a body, then a title) and names no one itself is a person. 조직위(대회 위원장)는 and
    조직위(위원장)는 (a body's short name, a lone title), 나빛회(김도윤 회장)는 (the bracket names the person) and
    권한(대표발의) (no title) are not."""
    text = ("<녹취> 한지섭((주)누리텍 대표) : \"수출이 늘 것\"\n오세림(산업통상자원부 무역투자실장)은 회복세를 전망했다. "
            "문가영(국회 의원)도 참석했다. 조직위(위원장)는 말을 아꼈다. 조직위(대회 위원장)도 왔다. 나빛회(김도윤 회장)는 반겼다. 권한(대표발의)은 없다.")
    people = names_of(shipped, text, "person")
    assert {"한지섭", "오세림", "문가영", "김도윤"} <= people, people
    assert not {"조직위", "나빛회", "권한"} & all_names(shipped, text)
    assert "누리텍" in names_of(shipped, text, "company")
