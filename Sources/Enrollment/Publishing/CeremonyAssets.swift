/// The two static files of the ceremony folder (`Ceremony`), the same bytes for every round and
/// language: `ceremony.css` (a projector at 1920×1080: one slide at a time filling the screen,
/// large type, a draw's list in three columns of 20, a level's schools in three of 14) and `ceremony.js` (keyboard navigation, the
/// seed made in the page from the contributions typed in the hall, with the rules and formula of
/// docs/LOTTERY.md sections 5 and 6, and every lottery number shown recomputed from that seed).
/// The SHA-256 and the lottery text come from the results site's `site.js`, loaded first. Words
/// come from the page's data (`SiteLanguage`), never from these files.
enum CeremonyAssets {
    static let css = #"""
        *{box-sizing:border-box}
        html,body{margin:0;height:100%;overflow:hidden;background:#fff;color:#111}
        body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-size:28px;line-height:1.35}
        .slide{display:none;position:absolute;top:0;left:0;right:0;bottom:56px;padding:28px 56px;overflow:hidden}
        .slide.current{display:block}
        h1{font-size:64px;margin:40px 0 24px}
        h2{font-size:44px;margin:0 0 16px;border-bottom:4px solid #0b57a4}
        .big{font-size:40px}
        .hash{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
        dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:8px 32px;font-size:36px;margin:12px 0}
        dl.figures dt{color:#444}
        dl.figures dd{margin:0;font-weight:bold}
        table{border-collapse:collapse;font-size:28px;margin:8px 0}
        th,td{border:2px solid #b8c4d0;padding:4px 14px;text-align:left}
        th{background:#eef3f8}
        p.columns{font-size:24px;color:#444;margin:4px 0}
        ol.schools{list-style:none;padding:0;margin:4px 0;display:grid;grid-template-columns:repeat(3,1fr);grid-auto-flow:column;grid-template-rows:repeat(14,44px);column-gap:28px}
        ol.schools.first{grid-template-rows:repeat(7,44px)}
        ol.schools li{font-size:26px;line-height:44px;white-space:nowrap;overflow:hidden;display:flex;gap:16px;border-bottom:1px solid #e2e2e2}
        ol.schools li .name{flex:1;overflow:hidden;text-overflow:ellipsis}
        ol.schools li .over{color:#a50e0e;font-weight:bold;min-width:3em;text-align:right}
        form.contribution{display:flex;gap:16px;margin:12px 0}
        form.contribution input{font-size:32px;padding:6px 12px;border:3px solid #0b57a4;border-radius:8px;min-width:0}
        form.contribution input#contribution-label{width:22%}
        form.contribution input#contribution-value{flex:1}
        form.ring input{width:22%}
        ol.entries.ring-taken{grid-template-rows:repeat(15,36px)}
        form.contribution button{font-size:32px;padding:0 28px;border:0;border-radius:8px;background:#0b57a4;color:#fff}
        #contributions{font-size:32px;margin:8px 0}
        #contributions li[data-reveal=match]::after{content:" ✓";color:#0d652d}
        .error{background:#fce8e6;color:#a50e0e;border:4px solid #a50e0e;border-radius:8px;padding:8px 16px;font-size:32px}
        .error:empty{display:none}
        #hall-seed{font-size:52px;font-weight:bold;color:#0b57a4;margin:12px 0;letter-spacing:2px}
        #hall-seed:empty{display:none}
        #canonical{font-size:20px;white-space:pre-wrap;background:#f5f5f5;padding:8px;max-height:200px;overflow:hidden}
        ol.entries{list-style:none;padding:0;margin:8px 0;display:grid;grid-template-columns:repeat(3,1fr);grid-auto-flow:column;grid-template-rows:repeat(21,36px);column-gap:28px}
        ol.entries li{font-size:24px;line-height:36px;white-space:nowrap;overflow:hidden;display:flex;gap:12px;border-bottom:1px solid #e2e2e2}
        ol.entries li .pos{width:3.2em;text-align:right;color:#666}
        ol.entries li .num{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
        ol.entries li[data-admitted=true]{background:#e6f4ea}
        ol.entries li[data-check=match] .mark::after{content:"✓";color:#0d652d;font-weight:bold}
        ol.entries li[data-check=mismatch]{background:#fce8e6}
        ol.entries li[data-check=mismatch] .mark::after{content:"✗";color:#a50e0e;font-weight:bold}
        ol.entries li.line{border-bottom:6px solid #a50e0e;color:#a50e0e;font-weight:bold;justify-content:center}
        .draw-head{font-size:30px;margin:0 0 4px}
        #bar{position:absolute;left:0;right:0;bottom:0;height:56px;display:flex;justify-content:space-between;align-items:center;padding:0 56px;background:#0b57a4;color:#fff;font-size:24px}
        a{color:#0b57a4}
        """#

    static let script = #"""
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("ceremony-data").textContent), words = data.words;
          var slides = Array.prototype.slice.call(document.querySelectorAll(".slide")), current = 0;
          var contributions = [], hallSeed = null;

          function say(key) {
            var text = words[key] || key;
            for (var i = 1; i < arguments.length; i++) text = text.split("%" + i).join(String(arguments[i]));
            return text;
          }

          function show(k) {
            current = Math.max(0, Math.min(slides.length - 1, k));
            slides.forEach(function (s, i) { s.classList.toggle("current", i === current); });
            document.getElementById("position").textContent = (current + 1) + " / " + slides.length;
            document.body.setAttribute("data-slide", slides[current].id);
            checkSlide(slides[current]);
          }

          document.addEventListener("keydown", function (event) {
            var typing = event.target && (event.target.tagName === "INPUT" || event.target.tagName === "TEXTAREA");
            if (typing && event.key === "Escape") { event.target.blur(); return; }
            if (typing && event.key !== "PageDown" && event.key !== "PageUp") return;
            if (event.key === "ArrowRight" || event.key === " " || event.key === "PageDown") { show(current + 1); event.preventDefault(); }
            else if (event.key === "ArrowLeft" || event.key === "PageUp") { show(current - 1); event.preventDefault(); }
            else if (event.key === "Home") { show(0); event.preventDefault(); }
            else if (event.key === "End") { show(slides.length - 1); event.preventDefault(); }
          });

          /// Spaces, tabs and carriage returns at the ends dropped, as `enroll seed` reads a line.
          function trimmed(text) { return text.replace(/^[ \t\r]+|[ \t\r]+$/g, ""); }

          /// The canonical text of docs/LOTTERY.md section 5.
          function canonical(list) {
            var text = "enroll-seed/1\n";
            list.forEach(function (c) {
              text += enroll.utf8(c.label).length + ":" + c.label + enroll.utf8(c.value).length + ":" + c.value + "\n";
            });
            return text;
          }

          /// Why `label: value` cannot be added (a key of the words), or null.
          function refusal(label, value) {
            if (label === "") return "emptyLabel";
            if (/[:\n]/.test(label)) return "invalidLabel";
            if (contributions.some(function (c) { return c.label === label; })) return "duplicateLabel";
            if (value === "") return "emptyValue";
            if (/\n/.test(value)) return "lineFeedInValue";
            var committed = commitmentOf(label);
            if (committed && enroll.sha256Hex(enroll.utf8(value)) !== committed) return "revealMismatch";
            return null;
          }

          function commitmentOf(label) {
            var found = (data.seedCommitments || []).filter(function (c) { return c.label === label; })[0];
            return found ? found.digest : null;
          }

          /// Adds a contribution; returns the refusal's key, or null.
          function add(label, value) {
            label = trimmed(label); value = trimmed(value);
            var error = document.getElementById("seed-error"), why = refusal(label, value);
            error.setAttribute("data-error", why || "");
            error.textContent = why ? say(why, label) : "";
            if (why) return why;
            contributions.push({ label: label, value: value });
            render();
            return null;
          }

          function render() {
            var list = document.getElementById("contributions");
            while (list.firstChild) list.removeChild(list.firstChild);
            contributions.forEach(function (c) {
              var li = document.createElement("li");
              li.textContent = c.label + ": " + c.value;
              if (commitmentOf(c.label)) li.setAttribute("data-reveal", "match");
              list.appendChild(li);
            });
            var awaiting = (data.seedCommitments || []).filter(function (c) {
              return !contributions.some(function (d) { return d.label === c.label; });
            }).map(function (c) { return c.label; });
            document.getElementById("awaiting").textContent = awaiting.length ? say("awaiting", awaiting.join(", ")) : "";
            var seed = document.getElementById("hall-seed"), text = document.getElementById("canonical");
            if (contributions.length === 0 || awaiting.length > 0) {
              hallSeed = null; seed.textContent = ""; text.textContent = "";
            } else {
              text.textContent = canonical(contributions);
              hallSeed = enroll.sha256Hex(enroll.utf8(text.textContent));
              seed.textContent = hallSeed.match(/.{16}/g).join(" ");
            }
            seed.setAttribute("data-seed", hallSeed || "");
            var differs = document.getElementById("seed-differs");
            differs.textContent = hallSeed && data.recordedSeed && hallSeed !== data.recordedSeed ? say("seedDiffers", data.recordedSeed) : "";
            Array.prototype.forEach.call(document.querySelectorAll("li.entry"), function (li) { li.removeAttribute("data-check"); });
          }

          /// The seed a draw's numbers are checked against: the seed made in the page for the
          /// first round once there is one, else the seed the run recorded.
          function seedOf(key) {
            var draw = data.draws[key];
            return draw.hall && hallSeed ? hallSeed : draw.seed;
          }

          /// A ring-drawn level, or a school drawn by a ring of its own (the slide carries its
          /// ring): each number is the applicant's position in the ring's order.
          var rings = {};
          function checkRing(slide, key, ring) {
            var positions = rings[key] || (rings[key] = enroll.ringPositions(ring.count, ring.start, ring.interval));
            Array.prototype.forEach.call(slide.querySelectorAll("li.entry"), function (li) {
              var computed = enroll.hex64(positions[Number(li.getAttribute("data-roster"))]);
              li.setAttribute("data-check", computed === li.getAttribute("data-number") ? "match" : "mismatch");
              li.setAttribute("data-computed", computed);
            });
          }

          function checkSlide(slide) {
            var key = slide.getAttribute("data-draw-key");
            if (!key) return;
            if (slide.hasAttribute("data-ring-start")) {
              var own = { count: Number(slide.getAttribute("data-ring-count")), start: Number(slide.getAttribute("data-ring-start")),
                          interval: Number(slide.getAttribute("data-ring-interval")) };
              checkRing(slide, key + "/" + slide.getAttribute("data-school-id"), own);
              return;
            }
            if (data.draws[key].ring) { checkRing(slide, key, data.draws[key].ring); return; }
            var seed = seedOf(key), draw = data.draws[key].name;
            Array.prototype.forEach.call(slide.querySelectorAll("li.entry"), function (li) {
              if (li.getAttribute("data-check")) return;
              li.setAttribute("data-check", "checking");
              var id = li.getAttribute("data-twin") || li.getAttribute("data-id"), expected = li.getAttribute("data-number");
              enroll.digest(enroll.lotteryText(seed, draw, id), function (computed) {
                li.setAttribute("data-check", computed === expected ? "match" : "mismatch");
                li.setAttribute("data-computed", computed);
              });
            });
          }

          /// A ring slide (of a level or of a school): s and k as drawn in the hall; the first 45
          /// numbers taken. Returns the refusal's key, or null.
          function ringOf(form) {
            var key = form.getAttribute("data-ring");
            return data.rings.filter(function (r) { return r.key === key; })[0];
          }
          function takeRing(form, startText, intervalText) {
            var ring = ringOf(form);
            var slide = form.parentNode, error = slide.querySelector(".ring-error"), list = slide.querySelector(".ring-taken");
            var start = trimmed(startText), interval = trimmed(intervalText), n = ring.count, code = null;
            var s = /^[0-9]+$/.test(start) ? Number(start) : NaN, k = /^[0-9]+$/.test(interval) ? Number(interval) : NaN;
            if (n < 1) code = "ringEmptyList";
            else if (!(s >= 1 && s <= n)) code = "ringStartOutOfRange";
            else if (!(k >= 1)) code = "ringIntervalTooSmall";
            error.textContent = code === null ? "" : code === "ringIntervalTooSmall" ? say(code, interval) : say(code, start, n);
            error.setAttribute("data-error", code || "");
            while (list.firstChild) list.removeChild(list.firstChild);
            var differs = slide.querySelector(".ring-differs");
            differs.textContent = "";
            if (code) return code;
            var positions = enroll.ringPositions(n, s, k), taken = new Int32Array(Math.min(n, 45));
            for (var number = 1; number <= n; number++) if (positions[number] <= taken.length) taken[positions[number] - 1] = number;
            Array.prototype.forEach.call(taken, function (number, i) {
              var li = document.createElement("li");
              li.className = "entry";
              li.setAttribute("data-roster", number);
              li.textContent = (i + 1) + ". " + say("rosterNumber") + " " + number;
              list.appendChild(li);
            });
            if (ring.recorded && (ring.recorded.start !== s || ring.recorded.interval !== k)) {
              differs.textContent = say("ringDiffers", ring.recorded.start, ring.recorded.interval);
            }
            return null;
          }
          Array.prototype.forEach.call(document.querySelectorAll("form.ring"), function (form) {
            form.addEventListener("submit", function (event) {
              event.preventDefault();
              takeRing(form, form.querySelector(".ring-start").value, form.querySelector(".ring-interval").value);
            });
            var ring = ringOf(form);
            if (ring.recorded) {
              form.querySelector(".ring-start").value = ring.recorded.start;
              form.querySelector(".ring-interval").value = ring.recorded.interval;
              takeRing(form, String(ring.recorded.start), String(ring.recorded.interval));
            }
          });

          document.getElementById("contribution-form").addEventListener("submit", function (event) {
            event.preventDefault();
            var label = document.getElementById("contribution-label"), value = document.getElementById("contribution-value");
            if (add(label.value, value.value) === null) { label.value = ""; value.value = ""; label.focus(); }
          });
          document.getElementById("contribution-undo").addEventListener("click", function () { contributions.pop(); render(); });

          (data.recordedContributions || []).forEach(function (c) { add(c.label, c.value); });
          render();
          window.enrollCeremony = { add: add, seed: function () { return hallSeed; }, show: show,
                                    slides: function () { return slides.map(function (s) { return s.id; }); } };
          show(0);
        })();

        """#
}
