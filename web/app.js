// plainsight serve: what the pages do better with a script. Everything works without it (forms
// post to the server, table headers are links); this file only adds, never replaces:
// - the draft checker: checks without leaving the page, re-checks after editing, and steps
//   through the findings with buttons or the n and p keys;
// - the bodies table: sorts in place when a column heading is chosen.
// Compiled into the binary from web/; the Content-Security-Policy allows no inline script.
"use strict";

(function () {
  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  // The draft checker --------------------------------------------------------------------------
  var form = $("#checker-form");
  var status = $("#check-status");
  var current = -1;
  var recheckTimer = null;
  var busy = false;

  function findings() {
    return Array.prototype.slice.call(document.querySelectorAll(".marked-text .finding"));
  }

  function describe(mark) {
    var item = document.getElementById("f" + mark.getAttribute("data-finding"));
    return item ? item.textContent : "";
  }

  function step(delta) {
    var marks = findings();
    if (marks.length === 0) {
      return;
    }
    if (current >= 0 && marks[current]) {
      marks[current].classList.remove("current");
      var oldItem = document.getElementById("f" + marks[current].getAttribute("data-finding"));
      if (oldItem) {
        oldItem.classList.remove("current");
      }
    }
    current = (current + delta + marks.length) % marks.length;
    var mark = marks[current];
    mark.classList.add("current");
    var item = document.getElementById("f" + mark.getAttribute("data-finding"));
    if (item) {
      item.classList.add("current");
    }
    mark.focus();
    mark.scrollIntoView({ block: "center" });
    var stepStatus = $("#step-status");
    if (stepStatus) {
      stepStatus.textContent =
        "Finding " + (current + 1) + " of " + marks.length + ". " + describe(mark);
    }
  }

  function enableStepper() {
    current = -1;
    var stepper = $("#stepper");
    if (!stepper || findings().length === 0) {
      return;
    }
    stepper.hidden = false;
    $("#next-finding").addEventListener("click", function () {
      step(1);
    });
    $("#previous-finding").addEventListener("click", function () {
      step(-1);
    });
  }

  function check(announce) {
    if (busy) {
      return;
    }
    busy = true;
    var data = new FormData(form);
    data.append("partial", "1");
    if (status) {
      status.textContent = "Checking…";
    }
    // One retry when the request did not get through (a kept-alive connection the server had
    // just closed as idle).
    var send = function () {
      return fetch("/check", { method: "POST", body: data, headers: { Accept: "text/html" } });
    };
    send()
      .catch(send)
      .then(function (response) {
        return response.text().then(function (html) {
          return { ok: response.ok, html: html };
        });
      })
      .then(function (answer) {
        var doc = new DOMParser().parseFromString(answer.html, "text/html");
        var fresh = doc.getElementById("results");
        var old = document.getElementById("results");
        if (!answer.ok || !fresh) {
          var problem = doc.body ? doc.body.textContent : "The text could not be checked.";
          if (status) {
            status.textContent = problem;
          }
          return;
        }
        if (old) {
          old.replaceWith(fresh);
        } else {
          status.insertAdjacentElement("afterend", fresh);
        }
        enableStepper();
        var count = findings().length;
        if (status) {
          status.textContent =
            (announce ? "Checked again: " : "Checked: ") +
            count + (count === 1 ? " finding marked." : " findings marked.");
        }
        if (!announce) {
          $("#results-heading").focus();
        }
      })
      .catch(function () {
        if (status) {
          status.textContent = "The server could not be reached; try again.";
        }
      })
      .then(function () {
        busy = false;
      });
  }

  if (form && window.fetch && window.FormData && window.DOMParser) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(false);
    });
    // Re-check a second and a half after the writer stops typing, once results are shown.
    var text = $("#text");
    if (text) {
      text.addEventListener("input", function () {
        if (!document.getElementById("results")) {
          return;
        }
        clearTimeout(recheckTimer);
        recheckTimer = setTimeout(function () {
          check(true);
        }, 1500);
      });
    }
  }
  enableStepper();

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (tag === "textarea" || tag === "input" || tag === "select" || target.isContentEditable) {
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "n" || event.key === "p") {
      if (findings().length > 0) {
        event.preventDefault();
        step(event.key === "n" ? 1 : -1);
      }
    }
  });

  // The bodies table ---------------------------------------------------------------------------
  var table = $("table.sortable");
  if (table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var caption = table.querySelector("caption");
    var baseCaption = caption ? caption.textContent.replace(/, sorted by .*$/, "") : "";
    headers.forEach(function (th, column) {
      var link = th.querySelector("a.sort");
      if (!link) {
        return;
      }
      link.setAttribute("role", "button");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var va = a.cells[column].getAttribute("data-sort-value");
          var vb = b.cells[column].getAttribute("data-sort-value");
          if (numeric) {
            // Not measured sorts last either way.
            if (va === "" || vb === "") {
              return va === vb ? 0 : va === "" ? 1 : -1;
            }
            return ascending ? va - vb : vb - va;
          }
          return ascending ? va.localeCompare(vb) : vb.localeCompare(va);
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
        if (caption) {
          caption.textContent =
            baseCaption + ", sorted by " + link.textContent +
            (ascending ? ", ascending" : ", descending");
        }
        var count = $("#bodies-count");
        if (count) {
          count.textContent =
            "Sorted by " + link.textContent + (ascending ? ", ascending." : ", descending.");
        }
      });
    });
  }
})();
