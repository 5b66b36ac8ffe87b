// Sorting and filters for the shortlist. The page is whole without this script: it only reorders and hides
// rows that are already there, reads data-* attributes and textContent, and never writes HTML.
(function () {
  "use strict";
  var grid = document.getElementById("grid");
  var controls = document.getElementById("controls");
  if (!grid || !controls) {
    return;
  }
  var body = grid.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(grid.tHead.rows[0].cells);
  var search = document.getElementById("f-text");
  var minimum = document.getElementById("f-min");
  var musts = document.getElementById("f-musts");
  var count = document.getElementById("f-count");

  function detail(row) {
    return document.getElementById(row.getAttribute("data-detail"));
  }

  // What the search looks in: the row and the candidate's evidence section, lower-cased once.
  var haystacks = rows.map(function (row) {
    var section = detail(row);
    return (row.textContent + " " + (section ? section.textContent : "")).toLowerCase();
  });

  function filter() {
    var words = search.value.trim().toLowerCase();
    var least = parseFloat(minimum.value);
    if (isNaN(least)) {
      least = 0;
    }
    var shown = 0;
    rows.forEach(function (row, index) {
      var keep = parseFloat(row.getAttribute("data-score")) >= least &&
        (!musts.checked || row.getAttribute("data-musts") === "1") &&
        (words === "" || haystacks[index].indexOf(words) !== -1);
      row.hidden = !keep;
      var section = detail(row);
      if (section) {
        section.hidden = !keep;
      }
      if (keep) {
        shown += 1;
      }
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }

  function value(row, column, numeric) {
    var text = row.cells[column].getAttribute("data-value") || "";
    if (!numeric) {
      return text.toLowerCase();
    }
    var number = parseFloat(text);
    return isNaN(number) ? -Infinity : number;
  }

  function sortBy(header, column) {
    var numeric = header.getAttribute("data-sort") === "num";
    // Scores sort best first on the first click; rank and names sort from the top of the list.
    var firstWay = numeric && column !== 0 ? "descending" : "ascending";
    var current = header.getAttribute("aria-sort");
    var way = current ? (current === "ascending" ? "descending" : "ascending") : firstWay;
    var sign = way === "ascending" ? 1 : -1;
    headers.forEach(function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", way);
    var order = rows.map(function (row, index) {
      return { row: row, key: value(row, column, numeric), index: index };
    });
    order.sort(function (a, b) {
      if (a.key < b.key) {
        return -sign;
      }
      if (a.key > b.key) {
        return sign;
      }
      return a.index - b.index; // ties keep rank order
    });
    order.forEach(function (item) {
      body.appendChild(item.row);
    });
  }

  headers.forEach(function (header, column) {
    if (!header.hasAttribute("data-sort")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (header.firstChild) {
      button.appendChild(header.firstChild);
    }
    header.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(header, column);
    });
  });

  [search, minimum, musts].forEach(function (input) {
    input.addEventListener("input", filter);
    input.addEventListener("change", filter);
  });
  controls.hidden = false;
  filter();
})();
